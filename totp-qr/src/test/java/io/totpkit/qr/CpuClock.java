package io.totpkit.qr;

import java.lang.reflect.Method;

/**
 * The current thread's CPU time, for timings that other builds on a shared machine disturb less than wall-clock time.
 *
 * <p>It is looked up reflectively: the test sources are compiled as part of module {@code io.totpkit.qr}, which does
 * not read {@code java.management}, while the tests run on the class path, where everything is readable.
 */
final class CpuClock {
  private static final Object BEAN;
  private static final Method CPU_TIME;

  static {
    try {
      Class<?> factory = Class.forName("java.lang.management.ManagementFactory");
      BEAN = factory.getMethod("getThreadMXBean").invoke(null);
      CPU_TIME = Class.forName("java.lang.management.ThreadMXBean").getMethod("getCurrentThreadCpuTime");
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private CpuClock() {}

  /** Returns the current thread's CPU time in nanoseconds. */
  static long nanos() {
    try {
      return (Long) CPU_TIME.invoke(BEAN);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError("ThreadMXBean.getCurrentThreadCpuTime is public", e);
    }
  }
}
