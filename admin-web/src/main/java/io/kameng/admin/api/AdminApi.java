package io.kameng.admin.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The admin console's small JSON API under {@code /admin/api}, for scripts and the benchmark: the
 * same sign-in (the console's form; the session cookie) and roles as the pages.
 */
@ApplicationPath("api")
public class AdminApi extends Application {}
