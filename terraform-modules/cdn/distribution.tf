# ---------------------------------------------------------------------------------------------
# Response headers (CKV2_AWS_32) and distribution
# ---------------------------------------------------------------------------------------------

resource "aws_cloudfront_response_headers_policy" "this" {
  name    = "${local.name}-security-headers"
  comment = "Security headers of ${local.name}"

  security_headers_config {
    strict_transport_security {
      access_control_max_age_sec = 63072000
      include_subdomains         = true
      preload                    = true
      override                   = true
    }

    content_type_options {
      override = true
    }

    frame_options {
      frame_option = "DENY"
      override     = true
    }

    referrer_policy {
      referrer_policy = "strict-origin-when-cross-origin"
      override        = true
    }

    xss_protection {
      protection = true
      mode_block = true
      override   = true
    }

    dynamic "content_security_policy" {
      for_each = var.content_security_policy == null ? [] : [var.content_security_policy]

      content {
        content_security_policy = content_security_policy.value
        override                = true
      }
    }
  }
}

resource "aws_cloudfront_distribution" "this" {
  #checkov:skip=CKV_AWS_310:One regional service origin, no second origin to fail over to; replaced by the load balancer spreading targets over several zones (load-balancer module) and the health alarms of the monitoring module.
  #checkov:skip=CKV_AWS_305:The default origin is the service, which answers "/" itself; replaced by the default_cache_behavior forwarding to the service origin.
  enabled         = true
  is_ipv6_enabled = true
  http_version    = "http2and3"
  comment         = local.name
  aliases         = var.aliases
  price_class     = var.price_class
  # Referenced directly (not through local.web_acl_arn) so that Checkov links the distribution to
  # its web ACL and verifies the managed rules (CKV2_AWS_47).
  web_acl_id = var.web_acl_arn != null ? var.web_acl_arn : aws_wafv2_web_acl.this[0].arn

  origin {
    origin_id   = "service"
    domain_name = var.origin_domain_name

    custom_origin_config {
      http_port                = 80
      https_port               = 443
      origin_protocol_policy   = "https-only"
      origin_ssl_protocols     = ["TLSv1.2"]
      origin_read_timeout      = 30
      origin_keepalive_timeout = 5
    }

    dynamic "custom_header" {
      for_each = var.origin_verify_header == null ? [] : [var.origin_verify_header]

      content {
        name  = custom_header.value.name
        value = custom_header.value.value
      }
    }
  }

  dynamic "origin" {
    for_each = local.static ? [1] : []

    content {
      origin_id                = "static"
      domain_name              = module.static_assets_bucket[0].bucket_regional_domain_name
      origin_access_control_id = aws_cloudfront_origin_access_control.static[0].id
    }
  }

  default_cache_behavior {
    target_origin_id           = "service"
    viewer_protocol_policy     = "redirect-to-https"
    allowed_methods            = ["GET", "HEAD", "OPTIONS", "PUT", "POST", "PATCH", "DELETE"]
    cached_methods             = ["GET", "HEAD"]
    compress                   = true
    cache_policy_id            = data.aws_cloudfront_cache_policy.disabled.id
    origin_request_policy_id   = data.aws_cloudfront_origin_request_policy.all_viewer_except_host.id
    response_headers_policy_id = aws_cloudfront_response_headers_policy.this.id
  }

  dynamic "ordered_cache_behavior" {
    for_each = local.static ? [var.static_assets.path_pattern] : []

    content {
      path_pattern               = ordered_cache_behavior.value
      target_origin_id           = "static"
      viewer_protocol_policy     = "redirect-to-https"
      allowed_methods            = ["GET", "HEAD"]
      cached_methods             = ["GET", "HEAD"]
      compress                   = true
      cache_policy_id            = data.aws_cloudfront_cache_policy.optimized.id
      response_headers_policy_id = aws_cloudfront_response_headers_policy.this.id
    }
  }

  restrictions {
    geo_restriction {
      restriction_type = var.geo_restriction.type
      locations        = var.geo_restriction.locations
    }
  }

  viewer_certificate {
    acm_certificate_arn      = var.certificate_arn
    ssl_support_method       = "sni-only"
    minimum_protocol_version = var.minimum_protocol_version
  }

  logging_config {
    bucket          = module.logs_bucket.bucket_domain_name
    prefix          = "${local.name}/"
    include_cookies = false
  }

  tags = local.tags

  # CloudFront standard logging needs the log bucket's ACLs enabled (BucketOwnerPreferred) first.
  depends_on = [module.logs_bucket]
}
