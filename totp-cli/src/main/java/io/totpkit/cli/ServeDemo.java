package io.totpkit.cli;

import io.totpkit.core.HmacAlgorithm;
import io.totpkit.core.OtpAuthUri;
import io.totpkit.core.Secret;
import io.totpkit.qr.QrCodes;
import io.totpkit.server.ApiTokens;
import io.totpkit.server.CodeServer;
import io.totpkit.server.ServerState;
import io.totpkit.server.ServerTls;
import io.totpkit.server.TagPolicy;
import io.totpkit.vault.Vault;
import io.totpkit.vault.VaultOptions;
import io.totpkit.vault.VaultStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/**
 * {@code totp serve --demo}: a throw-away vault in a temporary directory with two sample accounts (one from the
 * bundled TikTok screenshot; a Shopify one whose tag requires a reason), a staff OWNER with a fresh passphrase and a
 * token, served until Ctrl-C, then deleted.
 */
final class ServeDemo {
  private ServeDemo() {}

  static int run(Io io, TotpCommand root, String listen, ServerTls tls, boolean behindProxy) throws IOException {
    Path dir = Files.createTempDirectory("totp-serve-demo-");
    try {
      Path path = dir.resolve("demo.totp");
      VaultOptions options = VaultOptions.builder().minimumArgon2().clock(io.clock).build();
      String passphrase = random(12);
      ServerState state = ServerState.besideVault(path);
      String token;
      try (Vault vault = Vault.create(path, "maria", passphrase.toCharArray(), options)) {
        try (InputStream screenshot = ServeDemo.class.getResourceAsStream(DemoCommand.SCREENSHOT)) {
          if (screenshot == null) {
            throw new CliException(ExitCodes.IO, "the sample screenshot is missing from the jar");
          }
          for (OtpAuthUri uri : QrCodes.read(screenshot)) {
            vault.add(uri, Set.of("client:tiktok"));
          }
        }
        Secret shop = Secret.generate(HmacAlgorithm.SHA1);
        vault.add(OtpAuthUri.totp(shop).issuer("Shopify").account("owner@shop.example").build(),
            Set.of("client:shop"));
        shop.destroy();
        state.setTagPolicy(vault, "client:shop", TagPolicy.of(true, null));
        token = ApiTokens.create(vault, "demo-bot", Set.of("client:tiktok", "client:shop"), false);
      }
      CodeServer.Builder builder = CodeServer.builder(VaultStore.file(path), state).listen(listen)
          .behindProxy(behindProxy).vaultOptions(options);
      if (tls != null) {
        builder.tls(tls);
      }
      try (CodeServer server = builder.start()) {
        String base = server.uri().toString().replaceAll("/$", "");
        io.out.println("totp serve --demo: a throw-away vault in " + dir + ", deleted when the server stops.");
        io.out.println("Serving on " + server.uri() + "  (Ctrl-C stops it); open it in a browser to sign in");
        io.out.println();
        io.out.println("  Staff sign-in: member maria, passphrase " + passphrase
            + " (an OWNER; the first sign-in enrols your authenticator app)");
        io.out.println("  Token:         " + token + " (demo-bot, granted client:tiktok and client:shop)");
        io.out.println();
        io.out.println("Try:");
        io.out.println("  TOKEN=" + token);
        io.out.println("  curl -s " + base + "/api/v1/health");
        io.out.println("  curl -s -H \"Authorization: Bearer $TOKEN\" " + base + "/api/v1/accounts");
        io.out.println("  curl -s -X POST -H \"Authorization: Bearer $TOKEN\" " + base
            + "/api/v1/accounts/ID/code");
        io.out.println("  curl -s -X POST -H \"Authorization: Bearer $TOKEN\" -H 'Content-Type: application/json' "
            + "-d '{\"reason\":\"weekly post\"}' " + base + "/api/v1/accounts/ID/code   (Shopify needs a reason)");
        io.out.flush();
        return ServeCommand.waitForStop(server, () -> delete(dir));
      }
    } finally {
      delete(dir);
    }
  }

  /** Deletes the demo's directory; safe to run twice, and from the shutdown hook. */
  private static void delete(Path dir) {
    try {
      DemoCommand.deleteTree(dir);
    } catch (IOException e) {
      // Already gone, or being deleted by the other path.
    }
  }

  private static String random(int bytes) {
    byte[] b = new byte[bytes];
    new SecureRandom().nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }
}
