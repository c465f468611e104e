package io.totpkit.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * The load generator's connection: one keep-alive HTTP/1.1 socket that sends a POST and reads the status and the
 * body (by Content-Length), as wrk or hey do, so that the figures measure the server rather than the client (the
 * JDK's HttpClient costs more CPU per request than the server does, on the same two cores).
 */
final class LoadClient implements AutoCloseable {
  private final Socket socket;
  private final OutputStream out;
  private final InputStream in;
  private final String host;
  private final String authorization;

  LoadClient(URI base, String token) throws IOException {
    socket = new Socket();
    socket.setTcpNoDelay(true);
    socket.connect(new InetSocketAddress(base.getHost(), base.getPort()));
    out = socket.getOutputStream();
    in = new BufferedInputStream(socket.getInputStream(), 8192);
    host = base.getHost() + ":" + base.getPort();
    authorization = "Bearer " + token;
  }

  /** POSTs with an empty body; returns the status, and the body in {@code body[0]}. */
  int post(String path, String[] body) throws IOException {
    String request = "POST " + path + " HTTP/1.1\r\nHost: " + host + "\r\nAuthorization: " + authorization
        + "\r\nContent-Length: 0\r\n\r\n";
    out.write(request.getBytes(StandardCharsets.US_ASCII));
    out.flush();
    String status = line();
    int code = Integer.parseInt(status.substring(9, 12));
    int length = -1;
    for (String header = line(); !header.isEmpty(); header = line()) {
      if (header.regionMatches(true, 0, "Content-Length:", 0, 15)) {
        length = Integer.parseInt(header.substring(15).trim());
      }
    }
    if (length < 0) {
      throw new IOException("no Content-Length in the answer");
    }
    body[0] = new String(in.readNBytes(length), StandardCharsets.UTF_8);
    return code;
  }

  private String line() throws IOException {
    StringBuilder line = new StringBuilder(64);
    for (int c = in.read(); c != '\n'; c = in.read()) {
      if (c < 0) {
        throw new IOException("the server closed the connection");
      }
      if (c != '\r') {
        line.append((char) c);
      }
    }
    return line.toString();
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
