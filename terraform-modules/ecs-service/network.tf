# ---------------------------------------------------------------------------------------------
# Network: tasks in private subnets, reachable only from the load balancer.
# ---------------------------------------------------------------------------------------------

data "aws_vpc" "this" {
  id = var.vpc_id
}

resource "aws_security_group" "this" {
  name        = "${local.name}-service"
  description = "ECS tasks of ${local.name}"
  vpc_id      = var.vpc_id

  tags = merge(local.tags, { Name = "${local.name}-service" })
}

resource "aws_vpc_security_group_ingress_rule" "from_load_balancer" {
  security_group_id            = aws_security_group.this.id
  description                  = "Container port from the load balancer"
  ip_protocol                  = "tcp"
  from_port                    = var.container_port
  to_port                      = var.container_port
  referenced_security_group_id = var.load_balancer_security_group_id

  tags = local.tags
}

resource "aws_vpc_security_group_egress_rule" "https" {
  security_group_id = aws_security_group.this.id
  description       = "HTTPS to AWS APIs and external services"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv4         = "0.0.0.0/0"

  tags = local.tags
}

resource "aws_vpc_security_group_egress_rule" "vpc" {
  count = length(var.vpc_egress_ports)

  security_group_id = aws_security_group.this.id
  description       = "Data stores inside the VPC"
  ip_protocol       = "tcp"
  from_port         = var.vpc_egress_ports[count.index]
  to_port           = var.vpc_egress_ports[count.index]
  cidr_ipv4         = data.aws_vpc.this.cidr_block

  tags = local.tags
}
