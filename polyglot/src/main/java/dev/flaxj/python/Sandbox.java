package dev.flaxj.python;

import java.nio.file.Path;
import java.util.List;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.EnvironmentAccess;
import org.graalvm.polyglot.PolyglotAccess;
import org.graalvm.polyglot.io.FileSystem;
import org.graalvm.polyglot.io.IOAccess;

/**
 * What a script may do: call the flaxj API ({@link Bridges}) and read files under
 * {@code readRoots}. Never: the network, processes, native code, environment variables, Java class
 * lookup, threads, and (unless {@code allowIo}) reading elsewhere or writing anywhere.
 */
public record Sandbox(List<Path> readRoots, boolean allowIo) {
  public Sandbox {
    readRoots = List.copyOf(readRoots);
  }

  /** Reading under {@code dir} only. */
  public static Sandbox readOnly(Path dir) {
    return new Sandbox(List.of(dir), false);
  }

  Context.Builder configure(Context.Builder b) {
    IOAccess io = allowIo
        ? IOAccess.newBuilder().allowHostFileAccess(true).allowHostSocketAccess(false).build()
        : IOAccess.newBuilder()
            .fileSystem(FileSystem.allowLanguageHomeAccess(new ReadRootsFileSystem(readRoots)))
            .allowHostSocketAccess(false)
            .build();
    return b.allowIO(io)
        .allowHostAccess(HostApi.access())
        .allowHostClassLookup(name -> false)
        .allowHostClassLoading(false)
        .allowCreateProcess(false)
        .allowNativeAccess(false)
        .allowCreateThread(false)
        .allowEnvironmentAccess(EnvironmentAccess.NONE)
        .allowPolyglotAccess(PolyglotAccess.NONE)
        .option("python.DontWriteBytecodeFlag", "true");
  }
}
