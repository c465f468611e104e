package io.totpkit.server;

import io.totpkit.core.Wipe;
import io.totpkit.core.UntrustedText;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * The code server's TLS identity: its private key and certificate chain, read once from PEM files or a PKCS#12 file
 * and checked to belong together, so that a wrong file is refused at start-up, with a message saying how to fix it,
 * rather than at the first client's handshake.
 *
 * <h2>Security</h2>
 * The key is read into memory only: it is never written to another file, logged, or put in a message or in
 * {@link #toString()}. The byte buffers it is read into are wiped once the key is built (the PEM text's Java strings
 * cannot be, and are left to the garbage collector). PEM keys must be unencrypted PKCS#8
 * ({@code -----BEGIN PRIVATE KEY-----}: RSA, EC or Ed25519); traditional ({@code BEGIN RSA PRIVATE KEY},
 * {@code BEGIN EC PRIVATE KEY}) and encrypted keys are refused with the {@code openssl} command that converts them.
 * File permissions are the operator's job: this class neither checks nor changes them, so keep the key file readable
 * by the server's user alone. An expired certificate is not refused here; {@code notAfter} is there to warn about it.
 *
 * <p>Thread-safety: immutable; safe to share between threads.
 */
public final class ServerTls {
  private static final String ALIAS = "server";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final PrivateKey key;
  private final X509Certificate[] chain;

  private ServerTls(PrivateKey key, X509Certificate[] chain, String where) {
    String algorithm = signatureAlgorithm(key);
    if (algorithm == null) {
      throw new ServerConfigException(where + ": the private key is " + UntrustedText.forTerminal(key.getAlgorithm())
          + "; the server takes RSA, EC or Ed25519");
    }
    if (!belongsTo(key, chain[0], algorithm)) {
      throw new ServerConfigException("the private key does not belong to the certificate: " + where
          + " (the chain must start with the server's own certificate, and the key must be that certificate's)");
    }
    this.key = key;
    this.chain = chain;
  }

  /**
   * Reads the server's identity from PEM files; one file may hold both (pass its path twice).
   *
   * <p>Thread-safety: safe to call from any thread; nothing is cached, each call reads the files afresh.
   *
   * @param certificateChain a file with one or more {@code -----BEGIN CERTIFICATE-----} blocks, the server's own
   *     certificate first, then its intermediates
   * @param privateKey a file with one {@code -----BEGIN PRIVATE KEY-----} block (unencrypted PKCS#8, RSA, EC or
   *     Ed25519): the key of the first certificate
   * @return the identity
   * @throws ServerConfigException if a file is missing or unreadable or not in that form, or the key does not belong
   *     to the first certificate; the message names the file and the fix
   */
  public static ServerTls pem(Path certificateChain, Path privateKey) {
    X509Certificate[] chain = TlsFiles.certificates(Objects.requireNonNull(certificateChain, "certificateChain"));
    PrivateKey key = TlsFiles.privateKey(Objects.requireNonNull(privateKey, "privateKey"));
    return new ServerTls(key, chain, TlsFiles.shown(privateKey) + " and " + TlsFiles.shown(certificateChain));
  }

  /**
   * Reads the server's identity from a PKCS#12 file holding exactly one private key entry (key and chain); trusted
   * certificate entries beside it are ignored.
   *
   * <p>Thread-safety: safe to call from any thread, as long as no other thread uses {@code password}.
   *
   * @param keystore the PKCS#12 file ({@code .p12}, {@code .pfx})
   * @param password the file's password, which must also be the key entry's; zeroed before this method returns,
   *     whatever the outcome
   * @return the identity
   * @throws ServerConfigException if the file is missing, unreadable or not PKCS#12, the password is wrong, the file
   *     holds no private key entry or several, or the key does not belong to its certificate
   */
  public static ServerTls pkcs12(Path keystore, char[] password) {
    try {
      Objects.requireNonNull(keystore, "keystore");
      KeyStore.PrivateKeyEntry entry = TlsFiles.pkcs12Entry(keystore, Objects.requireNonNull(password, "password"));
      Certificate[] certificates = entry.getCertificateChain(); // PKCS#12 holds X.509 certificates only
      X509Certificate[] chain = Arrays.copyOf(certificates, certificates.length, X509Certificate[].class);
      return new ServerTls(entry.getPrivateKey(), chain, TlsFiles.shown(keystore));
    } finally {
      if (password != null) {
        Wipe.chars(password);
      }
    }
  }

  /** The subject of the server's certificate as RFC 2253 text, not escaped for display. */
  String subject() {
    return chain[0].getSubjectX500Principal().getName();
  }

  /** When the server's certificate expires: worth a warning when near, never a refusal here. */
  Instant notAfter() {
    return chain[0].getNotAfter().toInstant();
  }

  /**
   * A new Jetty factory for this identity, one per connector (it is a Jetty lifecycle object). The key goes in
   * through an in-memory PKCS#12 store: Jetty takes keys only from a store, and wants its password as a String; that
   * password is random and guards nothing outside this process. TLS 1.3 and 1.2 only, on Jetty's default cipher
   * exclusions. SNI is not required, since clients send none for {@code https://127.0.0.1:PORT}; Jetty's host check
   * is not the factory's but the request customizer's, see {@link #secureRequestCustomizer()}.
   */
  SslContextFactory.Server sslContextFactory() {
    byte[] random = new byte[24];
    RANDOM.nextBytes(random);
    String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry(ALIAS, key, password.toCharArray(), chain.clone());
      SslContextFactory.Server factory = new SslContextFactory.Server();
      factory.setKeyStore(store);
      factory.setKeyStorePassword(password);
      factory.setKeyManagerPassword(password);
      factory.setCertAlias(ALIAS);
      factory.setIncludeProtocols("TLSv1.3", "TLSv1.2");
      factory.setSniRequired(false);
      return factory;
    } catch (GeneralSecurityException | IOException e) {
      // An empty in-memory PKCS#12 store and a key Java itself parsed: failing here is a broken JDK, not a config.
      throw new IllegalStateException("cannot build an in-memory PKCS#12 key store", e);
    }
  }

  /**
   * The customizer for the HTTPS connector's {@code HttpConfiguration}. Jetty's default one checks every request's
   * host against the server's certificate and answers 400 "Invalid SNI" when the certificate does not name it, as for
   * {@code https://127.0.0.1:PORT} with a certificate for localhost alone; and a plain
   * {@code new ServerConnector(server, sslContextFactory())} adds that default by itself, so the connector needs an
   * {@code HttpConnectionFactory} whose configuration holds this one. The check keeps apart the virtual hosts of a
   * server with several certificates; this server has one, so it is off. No Strict-Transport-Security header either:
   * that is the deployment's choice.
   */
  static SecureRequestCustomizer secureRequestCustomizer() {
    return new SecureRequestCustomizer(false, false, -1, false);
  }

  /**
   * Shows the certificate's subject and expiry only, nothing about the key.
   *
   * @return {@code ServerTls[subject=…, notAfter=…]}, the subject escaped for a terminal
   */
  @Override
  public String toString() {
    return "ServerTls[subject=" + UntrustedText.forTerminal(subject()) + ", notAfter=" + notAfter() + "]";
  }

  /** The signature algorithm that proves possession of this key, or null for a key the server does not take. */
  private static String signatureAlgorithm(PrivateKey key) {
    return switch (key.getAlgorithm()) {
      case "RSA" -> "SHA256withRSA";
      case "EC" -> "SHA256withECDSA";
      // Java's name for Ed25519 keys, and for Ed448 ones, which a PKCS#12 file may hold.
      case "EdDSA", "Ed25519" -> "EdDSA";
      default -> null;
    };
  }

  /**
   * Whether the certificate's public key verifies what the private key signs: one check for every algorithm, with
   * no parsing of key parameters; a certificate for another algorithm simply fails it.
   */
  private static boolean belongsTo(PrivateKey key, X509Certificate certificate, String algorithm) {
    byte[] challenge = new byte[32];
    RANDOM.nextBytes(challenge);
    try {
      Signature signer = Signature.getInstance(algorithm);
      signer.initSign(key);
      signer.update(challenge);
      Signature verifier = Signature.getInstance(algorithm);
      verifier.initVerify(certificate.getPublicKey());
      verifier.update(challenge);
      return verifier.verify(signer.sign());
    } catch (GeneralSecurityException e) {
      return false; // e.g. an EC key against an RSA certificate: not this key's certificate
    }
  }
}
