package io.totpkit.server;

import io.totpkit.core.Wipe;
import io.totpkit.core.UntrustedText;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.UnrecoverableKeyException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.security.auth.DestroyFailedException;

/**
 * Reads {@link ServerTls}'s files: certificates and a PKCS#8 key from PEM, or a key entry from PKCS#12. Every
 * failure becomes a {@link ServerConfigException} naming the file, what is wrong and the fix; no JDK message and no
 * byte of the file reaches it. Byte buffers holding key material are wiped once read; Java strings cannot be.
 *
 * <p>Thread-safety: stateless.
 */
final class TlsFiles {
  // A PEM block: its label says what it is; the body is Base64 (headers appear only in traditional keys, refused).
  private static final Pattern PEM = Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----(.*?)-----END \\1-----",
      Pattern.DOTALL);
  // PKCS#8 names its algorithm by OID inside the encoding; offering it to each KeyFactory in turn reads that for us.
  private static final List<String> KEY_ALGORITHMS = List.of("RSA", "EC", "Ed25519");
  // Labels of keys that are not PKCS#8 (OpenSSL's "traditional" forms), refused with the command that converts them.
  private static final List<String> TRADITIONAL = List.of("RSA", "EC", "DSA");

  private TlsFiles() {}

  /** The file's certificates, in file order (the server's own first, by the operator's arrangement). */
  static X509Certificate[] certificates(Path file) {
    List<String> bodies = bodies(blocks(file), "CERTIFICATE");
    if (bodies.isEmpty()) {
      throw fail(file, "holds no certificate: expected one or more -----BEGIN CERTIFICATE----- blocks, the server's"
          + " own certificate first");
    }
    X509Certificate[] chain = new X509Certificate[bodies.size()];
    for (int i = 0; i < chain.length; i++) {
      try {
        chain[i] = (X509Certificate) CertificateFactory.getInstance("X.509")
            .generateCertificate(new ByteArrayInputStream(decode(file, bodies.get(i))));
      } catch (CertificateException e) {
        throw fail(file, "has a certificate (number " + (i + 1) + ") that is not a valid X.509 certificate");
      }
    }
    return chain;
  }

  /** The file's one unencrypted PKCS#8 private key; other blocks (a certificate in a combined file) are ignored. */
  static PrivateKey privateKey(Path file) {
    List<String[]> blocks = blocks(file);
    String fix = "openssl pkcs8 -topk8 -nocrypt -in " + shellWord(file) + " -out key.pk8.pem";
    if (!bodies(blocks, "ENCRYPTED PRIVATE KEY").isEmpty()) {
      throw fail(file, "holds an encrypted private key; the server needs it unencrypted: decrypt it with " + fix
          + " (it asks for the passphrase) and pass key.pk8.pem, readable by the server's user only");
    }
    for (String kind : TRADITIONAL) {
      if (!bodies(blocks, kind + " PRIVATE KEY").isEmpty()) {
        throw fail(file, "holds a traditional " + kind + " private key (-----BEGIN " + kind + " PRIVATE KEY-----);"
            + " the server reads PKCS#8 (-----BEGIN PRIVATE KEY-----): convert it with " + fix);
      }
    }
    List<String> bodies = bodies(blocks, "PRIVATE KEY");
    if (bodies.size() != 1) {
      throw fail(file, bodies.isEmpty()
          ? "holds no private key: expected one -----BEGIN PRIVATE KEY----- block (PKCS#8, unencrypted)"
          : "holds " + bodies.size() + " private keys: keep only the server's");
    }
    byte[] der = decode(file, bodies.get(0));
    try {
      for (String algorithm : KEY_ALGORITHMS) {
        try {
          return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException notThisAlgorithm) {
          // try the next one; none left is the refusal below
        }
      }
      throw fail(file, "holds a private key that is not RSA, EC or Ed25519, or is damaged");
    } finally {
      Wipe.bytes(der);
    }
  }

  /** The PKCS#12 file's one private key entry (key and chain); the caller zeroes {@code password}. */
  static KeyStore.PrivateKeyEntry pkcs12Entry(Path file, char[] password) {
    KeyStore store = load(file, password);
    KeyStore.PasswordProtection protection = new KeyStore.PasswordProtection(password);
    try {
      return (KeyStore.PrivateKeyEntry) store.getEntry(onlyKeyEntry(store, file), protection);
    } catch (UnrecoverableKeyException e) {
      throw fail(file, "protects its private key with a password other than the file's: re-export it with one");
    } catch (GeneralSecurityException e) {
      throw fail(file, "protects its private key with an algorithm this Java cannot read: re-export it");
    } catch (IllegalArgumentException e) {
      // KeyStore.PrivateKeyEntry's own check: the certificate's key algorithm is not the private key's.
      throw new ServerConfigException("the private key does not belong to the certificate: " + shown(file));
    } finally {
      try {
        protection.destroy();
      } catch (DestroyFailedException e) {
        // It only zeroes its copy of the password, and the caller zeroes the original.
      }
    }
  }

  static ServerConfigException fail(Path file, String what) {
    return new ServerConfigException(shown(file) + " " + what);
  }

  /** The path as it may be shown: escaped, since it came from the command line. */
  static String shown(Path file) {
    return UntrustedText.forTerminal(file.toString());
  }

  /** The file's PEM blocks in order, each as {label, body}; text between blocks is ignored. */
  private static List<String[]> blocks(Path file) {
    byte[] bytes = read(file);
    try {
      List<String[]> blocks = new ArrayList<>();
      Matcher m = PEM.matcher(new String(bytes, StandardCharsets.ISO_8859_1));
      while (m.find()) {
        blocks.add(new String[] {m.group(1), m.group(2)});
      }
      return blocks;
    } finally {
      Wipe.bytes(bytes);
    }
  }

  private static List<String> bodies(List<String[]> blocks, String label) {
    return blocks.stream().filter(block -> block[0].equals(label)).map(block -> block[1]).toList();
  }

  private static byte[] decode(Path file, String body) {
    try {
      return Base64.getMimeDecoder().decode(body.strip()); // PEM breaks lines; the MIME decoder skips them
    } catch (IllegalArgumentException e) {
      throw fail(file, "has a PEM block whose body is not valid Base64");
    }
  }

  private static KeyStore load(Path file, char[] password) {
    byte[] bytes = read(file);
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(new ByteArrayInputStream(bytes), password);
      return store;
    } catch (IOException e) {
      // Java reports a wrong password as an IOException caused by UnrecoverableKeyException; a failed integrity
      // check cannot tell a wrong password from damage, hence both in the message.
      if (e.getCause() instanceof UnrecoverableKeyException) {
        throw new ServerConfigException("the PKCS#12 password is wrong (or the file is damaged): " + shown(file));
      }
      throw fail(file, "is not a PKCS#12 keystore, or is damaged (PEM files go in as a certificate and a key file)");
    } catch (GeneralSecurityException e) {
      throw fail(file, "uses an algorithm this Java cannot read, or is damaged: re-export it with openssl pkcs12");
    } finally {
      Wipe.bytes(bytes);
    }
  }

  /** The alias of the store's only private key entry; trusted certificates beside it do not count. */
  private static String onlyKeyEntry(KeyStore store, Path file) throws GeneralSecurityException {
    List<String> keys = new ArrayList<>();
    for (String alias : Collections.list(store.aliases())) {
      if (store.entryInstanceOf(alias, KeyStore.PrivateKeyEntry.class)) {
        keys.add(alias);
      }
    }
    if (keys.size() != 1) {
      throw fail(file, keys.isEmpty() ? "holds no private key entry: it needs the server's key and certificate"
          : "holds " + keys.size() + " private key entries " + UntrustedText.forTerminal(keys.toString())
              + ": keep only the server's (keytool -delete -alias NAME)");
    }
    return keys.get(0);
  }

  private static byte[] read(Path file) {
    if (Files.exists(file) && !Files.isRegularFile(file)) {
      throw fail(file, "is not a regular file");
    }
    try {
      return Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new ServerConfigException("no such file: " + shown(file));
    } catch (AccessDeniedException e) {
      throw fail(file, "cannot be read: permission denied (the server's user needs read access)");
    } catch (IOException e) {
      throw fail(file, "cannot be read (" + e.getClass().getSimpleName() + ")");
    }
  }

  /** The path as one shell word, so that a suggested command can be pasted as it is. */
  private static String shellWord(Path file) {
    String text = shown(file);
    return text.matches("[A-Za-z0-9_./+=:@-]+") ? text : "'" + text.replace("'", "'\\''") + "'";
  }
}
