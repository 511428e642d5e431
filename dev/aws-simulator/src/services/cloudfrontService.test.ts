import {
  GetDistributionCommand,
  NoSuchDistribution,
} from '@aws-sdk/client-cloudfront';
import { assumeRoleIn, clients } from '../__testUtils__/clients.ts';
import { useSimulator } from '../__testUtils__/useSimulator.ts';

describe('CloudFront GetDistribution through @aws-sdk/client-cloudfront', () => {
  const demo = useSimulator();

  function distributionId(instance: string): string {
    return demo.simulator
      .scenario()
      .services.find(s => s.name === 'storefront-web')!
      .instances.find(i => i.name === instance)!.cloudFrontDistributionId!;
  }

  it('returns the storefront-web distribution with its ETag', async () => {
    const id = distributionId('production');
    expect(id).toMatch(/^E[A-Z0-9]{13}$/);
    const cloudfront = clients.cloudfront(demo.simulator, {
      credentials: await assumeRoleIn(demo.simulator, '111111111111'),
    });
    const out = await cloudfront.send(new GetDistributionCommand({ Id: id }));
    expect(out.ETag).toMatch(/^[A-Z0-9]{14}$/);
    const distribution = out.Distribution!;
    expect(distribution).toMatchObject({
      Id: id,
      ARN: `arn:aws:cloudfront::111111111111:distribution/${id}`,
      Status: 'Deployed',
      InProgressInvalidationBatches: 0,
    });
    expect(distribution.DomainName).toMatch(/^d[a-z0-9]{13}\.cloudfront\.net$/);
    expect(distribution.LastModifiedTime).toBeInstanceOf(Date);
    const config = distribution.DistributionConfig!;
    expect(config.Enabled).toBe(true);
    expect(config.Aliases).toEqual({
      Quantity: 1,
      Items: ['storefront-web.zeroops.example'],
    });
    expect(config.Origins!.Items![0].CustomOriginConfig).toMatchObject({
      OriginProtocolPolicy: 'https-only',
      OriginSslProtocols: { Quantity: 1, Items: ['TLSv1.2'] },
    });
    expect(config.DefaultCacheBehavior!.AllowedMethods!.Items).toHaveLength(7);
    expect(
      config.DefaultCacheBehavior!.AllowedMethods!.CachedMethods!.Items,
    ).toEqual(['HEAD', 'GET']);
    expect(config.ViewerCertificate!.MinimumProtocolVersion).toBe(
      'TLSv1.2_2021',
    );
    expect(config.WebACLId).toMatch(
      /^arn:aws:wafv2:us-east-1:111111111111:global\/webacl\//,
    );
  });

  it('answers NoSuchDistribution for another account or an unknown id', async () => {
    const staging = clients.cloudfront(demo.simulator, {
      credentials: await assumeRoleIn(demo.simulator, '222222222222'),
    });
    await expect(
      staging.send(
        new GetDistributionCommand({ Id: distributionId('production') }),
      ),
    ).rejects.toBeInstanceOf(NoSuchDistribution);
    await expect(
      staging.send(new GetDistributionCommand({ Id: 'E0000000000000' })),
    ).rejects.toBeInstanceOf(NoSuchDistribution);
    const own = await staging.send(
      new GetDistributionCommand({ Id: distributionId('staging') }),
    );
    expect(own.Distribution!.DistributionConfig!.Aliases!.Items).toEqual([
      'storefront-web.staging.zeroops.example',
    ]);
  });
});
