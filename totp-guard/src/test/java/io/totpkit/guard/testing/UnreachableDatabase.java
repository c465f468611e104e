package io.totpkit.guard.testing;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/** A data source whose every connection attempt fails as an unreachable server does (SQLSTATE 08001). */
public final class UnreachableDatabase implements DataSource {
  private UnreachableDatabase() {}

  /** Returns the data source. */
  public static DataSource dataSource() {
    return new UnreachableDatabase();
  }

  @Override
  public Connection getConnection() throws SQLException {
    throw new SQLException("Connection to db.internal:5432 refused", "08001");
  }

  @Override
  public Connection getConnection(String user, String password) throws SQLException {
    return getConnection();
  }

  @Override
  public PrintWriter getLogWriter() {
    return null;
  }

  @Override
  public void setLogWriter(PrintWriter out) {}

  @Override
  public void setLoginTimeout(int seconds) {}

  @Override
  public int getLoginTimeout() {
    return 0;
  }

  @Override
  public Logger getParentLogger() {
    return Logger.getGlobal();
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    throw new SQLException("not a wrapper");
  }

  @Override
  public boolean isWrapperFor(Class<?> type) {
    return false;
  }
}
