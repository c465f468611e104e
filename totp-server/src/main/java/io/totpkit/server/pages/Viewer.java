package io.totpkit.server.pages;

/**
 * Who is looking at a page: their name, and what the navigation offers them (an OWNER's pages, the add page). The
 * pages themselves are refused to anyone else by the server; this only keeps links to them out of sight. Public only
 * for the compiled templates beside it; the package is not exported.
 *
 * <p>Thread-safety: immutable.
 */
public final class Viewer {
  private final String name;
  private final boolean owner;
  private final boolean mayAdd;

  /** A viewer. */
  public Viewer(String name, boolean owner, boolean mayAdd) {
    this.name = name;
    this.owner = owner;
    this.mayAdd = mayAdd;
  }

  /** Returns the member's name. */
  public String name() {
    return name;
  }

  /** Returns whether the member is an OWNER. */
  public boolean owner() {
    return owner;
  }

  /** Returns whether the member may add accounts. */
  public boolean mayAdd() {
    return mayAdd;
  }
}
