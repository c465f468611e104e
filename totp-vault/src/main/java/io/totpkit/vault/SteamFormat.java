package io.totpkit.vault;

import io.totpkit.core.Secret;
import io.totpkit.core.Wipe;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a Steam Guard {@code .maFile}, one Steam account as Steam Desktop Authenticator (SDA, through the SteamAuth
 * library) and steamguard-cli write it: a JSON object with {@code shared_secret} (standard Base64 of the 20-byte key
 * that makes the login codes), {@code account_name}, and much the import leaves alone because it is not needed for
 * codes and some of it is secret too: {@code serial_number}, {@code revocation_code}, {@code uri} (the key again, in
 * an otpauth URI), {@code server_time}, {@code token_gid}, {@code identity_secret} (trade confirmations),
 * {@code secret_1}, {@code status}, {@code device_id}, {@code phone_number_hint}, {@code confirm_type},
 * {@code fully_enrolled}, and the login session ({@code Session} in SDA; {@code steam_id} and {@code tokens} in
 * steamguard-cli). The account becomes a Steam Guard entry: issuer {@code Steam}, the account name as its account,
 * five characters every 30 seconds over HMAC-SHA-1. Nothing but the account's name ever appears in a message.
 *
 * <p>SDA and steamguard-cli can encrypt their maFiles: such a file is only Base64 text, and the salt and IV that go
 * with the passkey are in the {@code manifest.json} beside it, so the file alone cannot be opened; decrypting it in
 * the app is the way (see {@link UnknownFiles}). A {@code manifest.json} given instead of a maFile is recognised and
 * refused with what to do: it names the accounts but holds no key.
 *
 * <p>Sources: geel9/SteamAuth {@code SteamAuth/SteamGuardAccount.cs} (the members and the code algorithm);
 * Jessecar96/SteamDesktopAuthenticator {@code Steam Desktop Authenticator/Manifest.cs} and {@code FileEncryptor.cs}
 * (the manifest, and encryption as Base64 of AES-256-CBC under PBKDF2 with the salt and IV in the manifest);
 * dyc3/steamguard-cli {@code steamguard/src/lib.rs}, {@code steamguard/src/token.rs} (the 20-byte Base64 key) and
 * {@code src/accountmanager/manifest.rs}.
 *
 * <p>Thread-safety: stateless.
 */
final class SteamFormat implements ImportReader {
  static final String NAME = "Steam";
  /** Steam's shared secrets are 20 bytes, an HMAC-SHA-1 key's natural length; steamguard-cli refuses any other. */
  private static final int KEY_LENGTH = 20;

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public boolean recognises(ImportInput input) {
    return input.hasMembers("shared_secret", "account_name") || isManifest(input);
  }

  @Override
  public Imports.Parsed read(ImportInput input, ImportPassword password) {
    if (!input.hasMembers("shared_secret", "account_name")) {
      // SDA marks the whole manifest; steamguard-cli gives each entry its "encryption" (null when plain).
      boolean encrypted = Boolean.TRUE.equals(input.jsonObject().get("encrypted"))
          || ((List<?>) input.jsonObject().get("entries")).stream()
              .anyMatch(entry -> entry instanceof Map && ((Map<?, ?>) entry).get("encryption") != null);
      throw new VaultImportException("the file is the manifest.json of Steam Desktop Authenticator or "
          + "steamguard-cli: it lists the accounts but holds no keys; import each account's .maFile instead"
          + (encrypted ? " (they are encrypted: remove the encryption in the app first)" : ""));
    }
    Map<String, Object> account = input.jsonObject();
    String name = account.get("account_name") instanceof String ? (String) account.get("account_name") : "";
    Imports.Parsed parsed = new Imports.Parsed(NAME);
    parsed.entry(Imports.where("account", "", name), () -> {
      String accountName = JsonFields.text(account, "account_name");
      byte[] key = key(account);
      try {
        return new Imports.Item(Imports.where("account", "", accountName),
            Imports.account("steam", Secret.fromBytes(key), NAME, accountName, null, null, null, null), Set.of());
      } finally {
        Wipe.bytes(key);
      }
    });
    return parsed;
  }

  private static byte[] key(Map<String, Object> account) {
    String text = JsonFields.text(account, "shared_secret").strip();
    if (text.isEmpty()) {
      throw new Imports.Skip("shared_secret is missing");
    }
    byte[] key;
    try {
      key = Base64.getDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      throw new Imports.Skip("shared_secret is not Base64");
    }
    if (key.length != KEY_LENGTH) {
      Wipe.bytes(key);
      throw new Imports.Skip("shared_secret holds " + key.length + " bytes; a Steam Guard key has " + KEY_LENGTH);
    }
    return key;
  }

  /**
   * Whether {@code text} is what an encrypted maFile holds: nothing but standard Base64 of whole AES blocks (SDA and
   * steamguard-cli write no line break). {@link UnknownFiles} says so; no reader claims it, as other apps' encrypted
   * exports can be Base64 blocks too.
   */
  static boolean looksEncrypted(String text) {
    String t = text.strip();
    if (t.length() < 44 || t.length() % 4 != 0) {
      return false;
    }
    int padding = t.endsWith("==") ? 2 : t.endsWith("=") ? 1 : 0;
    for (int i = 0; i < t.length() - padding; i++) {
      char c = t.charAt(i);
      if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '/')) {
        return false;
      }
    }
    int decoded = t.length() / 4 * 3 - padding;
    return decoded % 16 == 0;
  }

  /** SDA's and steamguard-cli's manifest.json: {@code entries} that name {@code .maFile} files. */
  private static boolean isManifest(ImportInput input) {
    if (!input.hasMembers("entries") || !(input.jsonObject().get("entries") instanceof List)) {
      return false;
    }
    for (Object entry : (List<?>) input.jsonObject().get("entries")) {
      if (entry instanceof Map && ((Map<?, ?>) entry).get("filename") instanceof String
          && ((String) ((Map<?, ?>) entry).get("filename")).toLowerCase(Locale.ROOT).endsWith(".mafile")) {
        return true;
      }
    }
    return false;
  }
}
