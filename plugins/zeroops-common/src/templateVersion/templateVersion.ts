import { Entity } from '@backstage/catalog-model';
import { ZEROOPS_SERVICE_NAME_ANNOTATION } from '../annotations';
import { isReservedServiceName } from '../naming';

/**
 * Version of the files the ZeroOps generators manage in a service repository: the GitHub
 * Actions workflows, `.github/copilot-instructions.md` and `infrastructure/` written by
 * `zeroops:workflows:generate` and `zeroops:infrastructure:generate`.
 *
 * When to bump (by one): whenever what those generators write for the same inputs changes —
 * a file's content, a file added or removed, a changed input default. The templates record the
 * version in `catalog-info.yaml` ({@link ZEROOPS_TEMPLATE_VERSION_ANNOTATION}) and in
 * `.zeroops/managed.json`; the catalog shows every service whose recorded version is lower as
 * behind, and the `zeroops-update` template brings it up to date with a pull request. A test of
 * the scaffolder module (`templateVersionFingerprint.test.ts`, which also stores the fingerprint of
 * the files at this version) fails when the generated files change
 * while this number does not.
 *
 * Not a reason to bump: changes to the rest of a template's skeleton (the service's sources,
 * README, Docker files), which belong to the repository once created; a new release of the
 * Terraform modules (generated code pins the release of its scaffolder module, and an update
 * moves the pin without a version change).
 *
 * History: 1 — everything generated before versions were recorded (no annotation); 2 — the
 * version and inputs are recorded, and generated files say how they are updated; 3 — the cdn
 * module is called without the aws.us_east_1 provider (it uses provider 6's region argument);
 * 4 — the environments read the CloudFront certificate and web ACL with `region = "us-east-1"`
 * and declare no aws.us_east_1 provider.
 *
 * @public
 */
export const ZEROOPS_TEMPLATE_VERSION = 4;

/**
 * Version of the managed files a repository was generated or last updated with, written by the
 * ZeroOps templates into `catalog-info.yaml`. A service without it predates version 2. @public
 */
export const ZEROOPS_TEMPLATE_VERSION_ANNOTATION =
  'zeroops.io/template-version';

/** The template that updates a service repository's managed files. @public */
export const ZEROOPS_UPDATE_TEMPLATE_REF = 'template:default/zeroops-update';

/**
 * Where an entity stands against {@link ZEROOPS_TEMPLATE_VERSION}:
 * - `current`: generated or updated with this version;
 * - `behind`: an older version (`recorded: false` when the repository predates recorded
 *   versions and `version` is therefore 1);
 * - `ahead`: a newer version than this installation of ZeroOps knows (the plugins are older
 *   than the templates that generated it);
 * - `invalid`: the annotation is not a version number;
 * - `not-applicable`: not a ZeroOps service (no `zeroops.io/service-name`, or the platform
 *   repository, whose service name is reserved and whose files no generator manages).
 *
 * @public
 */
export type TemplateVersionStatus =
  | { state: 'current'; version: number }
  | { state: 'behind'; version: number; current: number; recorded: boolean }
  | { state: 'ahead'; version: number; current: number }
  | { state: 'invalid'; value: string }
  | { state: 'not-applicable' };

/** Parses a recorded template version: a whole number from 1. @public */
export function parseTemplateVersion(
  value: string | undefined,
): number | undefined {
  if (value === undefined || !/^\s*[1-9]\d{0,5}\s*$/.test(value)) {
    return undefined;
  }
  return Number(value);
}

/**
 * Compares the template version an entity records with {@link ZEROOPS_TEMPLATE_VERSION}: the one
 * rule behind the catalog's notice and the update template's "from" version.
 *
 * @public
 */
export function templateVersionStatus(
  entity: Pick<Entity, 'metadata'>,
  current: number = ZEROOPS_TEMPLATE_VERSION,
): TemplateVersionStatus {
  const annotations = entity.metadata.annotations ?? {};
  const serviceName = annotations[ZEROOPS_SERVICE_NAME_ANNOTATION]?.trim();
  if (!serviceName || isReservedServiceName(serviceName)) {
    return { state: 'not-applicable' };
  }
  const value = annotations[ZEROOPS_TEMPLATE_VERSION_ANNOTATION];
  if (value === undefined) {
    return { state: 'behind', version: 1, current, recorded: false };
  }
  const version = parseTemplateVersion(value);
  if (version === undefined) return { state: 'invalid', value };
  if (version < current) {
    return { state: 'behind', version, current, recorded: true };
  }
  if (version > current) return { state: 'ahead', version, current };
  return { state: 'current', version };
}
