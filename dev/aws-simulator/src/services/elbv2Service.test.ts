import { DescribeServicesCommand } from '@aws-sdk/client-ecs';
import {
  DescribeTargetHealthCommand,
  TargetGroupNotFoundException,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import { assumeRoleIn, clients } from '../__testUtils__/clients.ts';
import { useSimulator } from '../__testUtils__/useSimulator.ts';

describe('ELBv2 DescribeTargetHealth through @aws-sdk/client-elastic-load-balancing-v2', () => {
  const demo = useSimulator();

  it('reports the blue and green targets of a blue/green deployment', async () => {
    const credentials = await assumeRoleIn(demo.simulator, '111111111111');
    const service = (
      await clients.ecs(demo.simulator, { credentials }).send(
        new DescribeServicesCommand({
          cluster: 'zeroops-production',
          services: ['storefront-web'],
        }),
      )
    ).services![0];
    const [lb] = service.loadBalancers!;
    const elbv2 = clients.elbv2(demo.simulator, { credentials });

    const blue = await elbv2.send(
      new DescribeTargetHealthCommand({ TargetGroupArn: lb.targetGroupArn }),
    );
    expect(blue.TargetHealthDescriptions).toHaveLength(3);
    for (const description of blue.TargetHealthDescriptions!) {
      expect(description.Target!.Id).toMatch(/^10\.\d+\.\d+\.\d+$/);
      expect(description.Target!.Port).toBe(3000);
      expect(description.HealthCheckPort).toBe('3000');
      expect(description.TargetHealth).toEqual({ State: 'healthy' });
    }
    const green = await elbv2.send(
      new DescribeTargetHealthCommand({
        TargetGroupArn: lb.advancedConfiguration!.alternateTargetGroupArn,
      }),
    );
    expect(green.TargetHealthDescriptions).toHaveLength(3);
    const blueIps = blue.TargetHealthDescriptions!.map(d => d.Target!.Id);
    for (const d of green.TargetHealthDescriptions!) {
      expect(blueIps).not.toContain(d.Target!.Id);
    }

    const one = await elbv2.send(
      new DescribeTargetHealthCommand({
        TargetGroupArn: lb.targetGroupArn,
        Targets: [{ Id: blueIps[0]!, Port: 3000 }],
      }),
    );
    expect(one.TargetHealthDescriptions!.map(d => d.Target!.Id)).toEqual([
      blueIps[0],
    ]);
  });

  it("answers TargetGroupNotFoundException for another account's target group", async () => {
    const staging = await assumeRoleIn(demo.simulator, '222222222222');
    const arn = demo.simulator
      .scenario()
      .services.find(s => s.name === 'payments-api')!
      .instances.find(i => i.name === 'production')!.targetGroups[0].arn;
    await expect(
      clients
        .elbv2(demo.simulator, { credentials: staging })
        .send(new DescribeTargetHealthCommand({ TargetGroupArn: arn })),
    ).rejects.toBeInstanceOf(TargetGroupNotFoundException);
  });
});
