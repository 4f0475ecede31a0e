package io.kameng.sandbox.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The sandbox's HTTP API, as the platform's partner adapters call it. */
@ApplicationPath("api")
public class SandboxApi extends Application {}
