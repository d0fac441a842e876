package dev.flaxj.python;

import java.io.IOException;
import java.net.URI;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessMode;
import java.nio.file.DirectoryStream;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.graalvm.polyglot.io.FileSystem;

/**
 * The sandbox's file system: the host's, with contents readable only under the given roots (the
 * script's folder), attributes readable there and on the roots' ancestors (so paths resolve), and
 * nothing writable. Everything else fails with a {@link SecurityException}, which Python sees as a
 * {@code PermissionError}.
 */
final class ReadRootsFileSystem implements FileSystem {
  private final FileSystem host = FileSystem.newDefaultFileSystem();
  private final List<Path> roots;

  ReadRootsFileSystem(List<Path> roots) {
    this.roots = roots.stream().map(p -> p.toAbsolutePath().normalize()).toList();
  }

  private boolean readable(Path path) {
    Path p = host.toAbsolutePath(path).normalize();
    return roots.stream().anyMatch(p::startsWith);
  }

  private boolean visible(Path path) {
    Path p = host.toAbsolutePath(path).normalize();
    return readable(p) || roots.stream().anyMatch(r -> r.startsWith(p));
  }

  private static SecurityException denied(Path path) {
    return new SecurityException("flaxj sandbox: no access to " + path
        + " (files are readable only under the script's folder; pass --allow-io to lift this)");
  }

  private void requireReadable(Path path) {
    if (!readable(path)) {
      throw denied(path);
    }
  }

  private static void requireNoWrite(Path path, Set<? extends OpenOption> options) {
    for (OpenOption o : options) {
      if (o != StandardOpenOption.READ && o != LinkOption.NOFOLLOW_LINKS) {
        throw new SecurityException("flaxj sandbox: files are not writable (" + path
            + "); pass --allow-io to lift this");
      }
    }
  }

  @Override
  public Path parsePath(URI uri) {
    return host.parsePath(uri);
  }

  @Override
  public Path parsePath(String path) {
    return host.parsePath(path);
  }

  @Override
  public void checkAccess(Path path, Set<? extends AccessMode> modes, LinkOption... linkOptions)
      throws IOException {
    if (modes.contains(AccessMode.WRITE) || !visible(path)) {
      throw denied(path);
    }
    host.checkAccess(path, modes, linkOptions);
  }

  @Override
  public void createDirectory(Path dir, FileAttribute<?>... attrs) {
    throw denied(dir);
  }

  @Override
  public void delete(Path path) {
    throw denied(path);
  }

  @Override
  public SeekableByteChannel newByteChannel(Path path, Set<? extends OpenOption> options,
      FileAttribute<?>... attrs) throws IOException {
    requireNoWrite(path, options);
    requireReadable(path);
    return host.newByteChannel(path, options, attrs);
  }

  @Override
  public DirectoryStream<Path> newDirectoryStream(Path dir, DirectoryStream.Filter<? super Path> filter)
      throws IOException {
    requireReadable(dir);
    return host.newDirectoryStream(dir, filter);
  }

  @Override
  public Path toAbsolutePath(Path path) {
    return host.toAbsolutePath(path);
  }

  @Override
  public Path toRealPath(Path path, LinkOption... linkOptions) throws IOException {
    if (!visible(path)) {
      throw denied(path);
    }
    Path real = host.toRealPath(path, linkOptions);
    if (!visible(real)) {
      throw denied(path);
    }
    return real;
  }

  @Override
  public Map<String, Object> readAttributes(Path path, String attributes, LinkOption... options)
      throws IOException {
    if (!visible(path)) {
      throw denied(path);
    }
    return host.readAttributes(path, attributes, options);
  }

  @Override
  public void setCurrentWorkingDirectory(Path currentWorkingDirectory) {
    host.setCurrentWorkingDirectory(currentWorkingDirectory);
  }
}
