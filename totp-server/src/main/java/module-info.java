/**
 * totpkit code server: an embedded HTTP server (Jetty's core API) in front of a vault, giving staff and automation
 * codes, never keys. Staff sign in with their vault passphrase and their own TOTP; automation uses bearer tokens;
 * every reveal is audited before its code is returned. Start it with {@link io.totpkit.server.CodeServer}.
 */
module io.totpkit.server {
  requires transitive io.totpkit.vault;
  requires io.totpkit.qr;
  requires io.totpkit.ocr;   // screenshots: the printed key as a check on the QR code, and as the key without one
  requires org.eclipse.jetty.server;
  requires org.eclipse.jetty.http;
  requires org.eclipse.jetty.io;
  requires org.eclipse.jetty.util;
  requires tools.jackson.jr.ob;
  requires java.net.http;
  requires gg.jte.runtime;
  requires static java.compiler;   // the @Generated annotation of the compiled templates

  exports io.totpkit.server;
  // The compiled templates, loaded by jte's engine by name.
  opens io.totpkit.server.pages to gg.jte.runtime;
}
