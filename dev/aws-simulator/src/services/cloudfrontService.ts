import type { Distribution } from '@aws-sdk/client-cloudfront';
import { AwsError } from '../protocols/AwsError.ts';
import type { DistributionModel } from '../scenario/world.ts';
import { at } from './ecs/renderEcs.ts';
import { requiredString } from './params.ts';
import { xmlServiceErrors } from './serviceErrors.ts';
import type {
  RequestContext,
  RequestParams,
  RestXmlResult,
  ServiceDefinition,
} from './types.ts';

/**
 * Amazon CloudFront GetDistribution (restXml, API 2020-05-31): the distribution in front of a
 * website's ALB, with the ETag header. Distributions are global, owned by an account.
 */

/** Managed cache policy "CachingOptimized". */
const CACHING_OPTIMIZED = '658327ea-f89d-4fab-a63d-7e88639e58f6';
/** Managed origin request policy "AllViewerExceptHostHeader". */
const ALL_VIEWER_EXCEPT_HOST = 'b689b0a8-53d0-40ab-baf2-68738e2966ac';

function renderDistribution(d: DistributionModel, now: Date): Distribution {
  const originId = 'alb';
  return {
    Id: d.id,
    ARN: d.arn,
    Status: 'Deployed',
    LastModifiedTime: at(now, d.lastModifiedAgoMs),
    InProgressInvalidationBatches: 0,
    DomainName: d.domainName,
    ActiveTrustedSigners: { Enabled: false, Quantity: 0 },
    ActiveTrustedKeyGroups: { Enabled: false, Quantity: 0 },
    DistributionConfig: {
      CallerReference: `zeroops-${d.id.toLowerCase()}`,
      Aliases: { Quantity: 1, Items: [d.alias] },
      DefaultRootObject: '',
      Origins: {
        Quantity: 1,
        Items: [
          {
            Id: originId,
            DomainName: d.originDomainName,
            OriginPath: '',
            CustomHeaders: { Quantity: 0 },
            CustomOriginConfig: {
              HTTPPort: 80,
              HTTPSPort: 443,
              OriginProtocolPolicy: 'https-only',
              OriginSslProtocols: { Quantity: 1, Items: ['TLSv1.2'] },
              OriginReadTimeout: 30,
              OriginKeepaliveTimeout: 5,
            },
            ConnectionAttempts: 3,
            ConnectionTimeout: 10,
            OriginShield: { Enabled: false },
            OriginAccessControlId: '',
          },
        ],
      },
      OriginGroups: { Quantity: 0 },
      DefaultCacheBehavior: {
        TargetOriginId: originId,
        TrustedSigners: { Enabled: false, Quantity: 0 },
        TrustedKeyGroups: { Enabled: false, Quantity: 0 },
        ViewerProtocolPolicy: 'redirect-to-https',
        AllowedMethods: {
          Quantity: 7,
          Items: ['HEAD', 'DELETE', 'POST', 'GET', 'OPTIONS', 'PUT', 'PATCH'],
          CachedMethods: { Quantity: 2, Items: ['HEAD', 'GET'] },
        },
        SmoothStreaming: false,
        Compress: true,
        LambdaFunctionAssociations: { Quantity: 0 },
        FunctionAssociations: { Quantity: 0 },
        FieldLevelEncryptionId: '',
        CachePolicyId: CACHING_OPTIMIZED,
        OriginRequestPolicyId: ALL_VIEWER_EXCEPT_HOST,
        GrpcConfig: { Enabled: false },
      },
      CacheBehaviors: { Quantity: 0 },
      CustomErrorResponses: { Quantity: 0 },
      Comment: `ZeroOps ${d.alias}`,
      Logging: {
        Enabled: false,
        IncludeCookies: false,
        Bucket: '',
        Prefix: '',
      },
      PriceClass: 'PriceClass_100',
      Enabled: true,
      ViewerCertificate: {
        CloudFrontDefaultCertificate: false,
        ACMCertificateArn: d.certificateArn,
        SSLSupportMethod: 'sni-only',
        MinimumProtocolVersion: 'TLSv1.2_2021',
        Certificate: d.certificateArn,
        CertificateSource: 'acm',
      },
      Restrictions: {
        GeoRestriction: { RestrictionType: 'none', Quantity: 0 },
      },
      WebACLId: d.webAclArn,
      HttpVersion: 'http2and3',
      IsIPV6Enabled: true,
      Staging: false,
    },
  };
}

function getDistribution(
  params: RequestParams,
  context: RequestContext,
): RestXmlResult {
  const id = requiredString(params, 'Id');
  const instance = context.world.instances.find(
    i => i.account === context.account && i.distribution?.id === id,
  );
  if (!instance?.distribution) {
    throw new AwsError({
      code: 'NoSuchDistribution',
      status: 404,
      message: 'The specified distribution does not exist.',
    });
  }
  return {
    root: 'Distribution',
    payload: renderDistribution(instance.distribution, context.now),
    headers: { ETag: instance.distribution.etag },
  };
}

export const cloudfrontService: ServiceDefinition = {
  signingName: 'cloudfront',
  displayName: 'Amazon CloudFront',
  protocol: 'restXml',
  xmlNamespace: 'http://cloudfront.amazonaws.com/doc/2020-05-31/',
  operations: { GetDistribution: getDistribution },
  restRoutes: [
    {
      method: 'GET',
      pattern: /^\/2020-05-31\/distribution\/(?<Id>[^/]+)$/,
      operation: 'GetDistribution',
    },
  ],
  xmlItemNames: {
    GetDistribution: {
      'Aliases.Items': 'CNAME',
      'Origins.Items': 'Origin',
      'OriginSslProtocols.Items': 'SslProtocol',
      'AllowedMethods.Items': 'Method',
      'CachedMethods.Items': 'Method',
      'CustomHeaders.Items': 'OriginCustomHeader',
      'TrustedSigners.Items': 'AwsAccountNumber',
      'TrustedKeyGroups.Items': 'KeyGroup',
      'ActiveTrustedSigners.Items': 'Signer',
      'ActiveTrustedKeyGroups.Items': 'KeyGroup',
      'FunctionAssociations.Items': 'FunctionAssociation',
      'LambdaFunctionAssociations.Items': 'LambdaFunctionAssociation',
      'CacheBehaviors.Items': 'CacheBehavior',
      'CustomErrorResponses.Items': 'CustomErrorResponse',
      'GeoRestriction.Items': 'Location',
      'OriginGroups.Items': 'OriginGroup',
      AliasICPRecordals: 'AliasICPRecordal',
    },
  },
  errors: xmlServiceErrors({
    accessDeniedMessage: 'Access denied.',
    validationCode: 'InvalidArgument',
  }),
};
