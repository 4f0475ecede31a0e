package io.kameng.batch.reconciliation;

import io.kameng.identity.entity.Role;
import io.kameng.platform.boundary.PlatformClock;
import io.kameng.platform.boundary.SchemaMigration;
import io.kameng.platform.control.LiveSettings;
import io.kameng.platform.entity.Setting;
import io.kameng.reconciliation.control.TradeBill;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The nightly reconciliation's schedule: a persistent EJB timer every 10 minutes that, once the
 * reconciliation hour (a setting, China time, default 03:00) has come, starts yesterday's run with
 * every payment provider and supplier that has none, catches up the days of the last week that have
 * none (missed while the servers were down), and asks again for statements that were not ready. At
 * start, runs a killed server left RUNNING are resumed. With several servers the timer fires on
 * one, and the unique key per day is the guard anyway. {@code kameng.reconciliation.schedule=false}
 * switches the timer off (tests drive the schedule themselves).
 */
@Singleton
@Startup
@RunAs(Role.Names.ADMIN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ReconciliationSchedule {

  private static final Logger LOG = Logger.getLogger(ReconciliationSchedule.class.getName());

  /** How many days back missed days are caught up. */
  static final int CATCH_UP_DAYS = 7;

  @Inject SchemaMigration migration;
  @Inject Reconciliations reconciliations;
  @Inject PlatformClock clock;

  @Resource TimerService timers;

  /** Once the server has started: resume what a killed server left running. */
  @PostConstruct
  void afterStart() {
    timers.createSingleActionTimer(5_000, new TimerConfig("resume reconciliations", false));
  }

  @Timeout
  void resumeAfterCrash() {
    if (!migration.state().applied()) {
      timers.createSingleActionTimer(5_000, new TimerConfig("resume reconciliations", false));
      return;
    }
    try {
      reconciliations.resumeStale();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Could not resume the runs left running", e);
    }
  }

  @Schedule(minute = "*/10", hour = "*", persistent = true, info = "nightly reconciliation")
  void tick() {
    if (enabled() && migration.state().applied()) {
      runDue();
    }
  }

  /** Starts what is due now; answers how many runs were started or asked again. */
  public int runDue() {
    try {
      ZonedDateTime now = clock.now().atZone(TradeBill.CHINA);
      int started = reconciliations.retryWaiting();
      if (now.getHour() >= LiveSettings.count(Setting.RECONCILIATION_HOUR)) {
        LocalDate yesterday = now.toLocalDate().minusDays(1);
        for (int back = CATCH_UP_DAYS - 1; back >= 0; back--) {
          started += reconciliations.startMissing(yesterday.minusDays(back));
        }
      }
      return started;
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Reconciliation schedule failed; the next tick retries", e);
      return 0;
    }
  }

  private static boolean enabled() {
    return !"false".equals(System.getProperty("kameng.reconciliation.schedule"));
  }
}
