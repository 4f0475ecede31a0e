package io.kameng.storefront.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The public REST API of the storefront, version 1. */
@ApplicationPath("api/v1")
public class StorefrontApi extends Application {}
