package io.kameng.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

/** Free TCP ports on the loopback interface. */
final class Ports {

  private Ports() {}

  static boolean isFree(int port) {
    try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      socket.setReuseAddress(true);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  static int anyFree() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The port remembered in {@code file} if it is still free, otherwise a new free one, remembered
   * for next time: keeps URLs stable from one start to the next.
   */
  static int remembered(Path file) throws IOException {
    if (Files.exists(file)) {
      int port = Integer.parseInt(Files.readString(file).trim());
      if (isFree(port)) {
        return port;
      }
    }
    int port = anyFree();
    Files.createDirectories(file.getParent());
    Files.writeString(file, Integer.toString(port));
    return port;
  }
}
