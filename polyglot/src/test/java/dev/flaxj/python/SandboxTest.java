package dev.flaxj.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sandbox of DESIGN section 5: each capability a script must not have, tried and refused. */
class SandboxTest {
  @TempDir Path dir;
  @TempDir Path elsewhere;

  private int run(Sessions s, String code) throws IOException {
    Path script = dir.resolve("probe.py");
    Files.writeString(script, code);
    return s.session.runFile(script, List.of());
  }

  @Test
  void readsOnlyUnderTheScriptsFolderAndWritesNowhere() throws IOException {
    Files.writeString(dir.resolve("data.txt"), "inside");
    Path secret = elsewhere.resolve("secret.txt");
    Files.writeString(secret, "outside");
    try (Sessions s = Sessions.readOnly(dir)) {
      int code = run(s, String.join("\n",
          "import os",
          "print('read', open(os.path.join(os.path.dirname(__file__), 'data.txt')).read())",
          "for action in ('read-outside', 'write-inside', 'write-outside'):",
          "    try:",
          "        if action == 'read-outside': open(" + pyStr(secret) + ").read()",
          "        elif action == 'write-inside': open(" + pyStr(dir.resolve("new.txt")) + ", 'w').write('x')",
          "        else: open(" + pyStr(elsewhere.resolve("new.txt")) + ", 'w').write('x')",
          "        print(action, 'ALLOWED')",
          "    except OSError as e:",
          "        print(action, 'refused', type(e).__name__)"));
      assertEquals(0, code, s.err());
      String out = s.out();
      assertTrue(out.contains("read inside"), out);
      assertTrue(out.contains("read-outside refused PermissionError"), out);
      assertTrue(out.contains("write-inside refused PermissionError"), out);
      assertTrue(out.contains("write-outside refused PermissionError"), out);
    }
    assertFalse(Files.exists(dir.resolve("new.txt")));
    assertFalse(Files.exists(elsewhere.resolve("new.txt")));
  }

  @Test
  void allowIoLiftsTheFileLimitsButNotTheOthers() throws IOException {
    Path secret = elsewhere.resolve("secret.txt");
    Files.writeString(secret, "outside");
    try (Sessions s = new Sessions(new Sandbox(List.of(dir), true))) {
      int code = run(s, String.join("\n",
          "print(open(" + pyStr(secret) + ").read())",
          "with open(" + pyStr(elsewhere.resolve("written.txt")) + ", 'w') as f: f.write('ok')",
          "import subprocess",
          "try:",
          "    subprocess.run(['true'])",
          "    print('process ALLOWED')",
          "except Exception as e:",
          "    print('process refused')"));
      assertEquals(0, code, s.err());
      assertTrue(s.out().contains("outside"), s.out());
      assertTrue(s.out().contains("process refused"), s.out());
    }
    assertEquals("ok", Files.readString(elsewhere.resolve("written.txt")));
  }

  @Test
  void noProcessesNoNetworkNoNativeCodeNoJavaLookup() throws IOException {
    try (Sessions s = Sessions.readOnly(dir)) {
      int code = run(s, String.join("\n",
          "def attempt(name, fn):",
          "    try:",
          "        fn()",
          "        print(name, 'ALLOWED')",
          "    except BaseException as e:",
          "        print(name, 'refused')",
          "import subprocess, os",
          "attempt('subprocess', lambda: subprocess.run(['true']))",
          "attempt('system', lambda: os.system('true'))",
          "attempt('fork', lambda: os.fork())",
          "def connect():",
          "    import socket",
          "    socket.create_connection(('127.0.0.1', 9), timeout=1)",
          "attempt('socket', connect)",
          "def native():",
          "    import ctypes",
          "    ctypes.CDLL(None)",
          "attempt('native', native)",
          "def lookup():",
          "    import java",
          "    java.type('java.lang.System')",
          "attempt('java', lookup)",
          "attempt('environ', lambda: os.environ['PATH'])"));
      assertEquals(0, code, s.err());
      String out = s.out();
      for (String what : List.of("subprocess", "system", "fork", "socket", "native", "java", "environ")) {
        assertTrue(out.contains(what + " refused"), what + ": " + out);
      }
      assertFalse(out.contains("ALLOWED"), out);
    }
  }

  @Test
  void onlyTheExportedApiIsVisible() throws IOException {
    try (Sessions s = Sessions.readOnly(dir)) {
      int code = run(s, String.join("\n",
          "import _flaxj_host",
          "names = sorted(n for n in dir(_flaxj_host) if not n.startswith('__'))",
          "print(names)",
          "key = _flaxj_host.Jnp.ones([2], _flaxj_host.PyArrays.dtypeNamed('float32'))",
          "try:",
          "    key.getClass()",
          "    print('getClass ALLOWED')",
          "except Exception:",
          "    print('getClass refused')"));
      assertEquals(0, code, s.err());
      assertTrue(s.out().contains("getClass refused"), s.out());
      assertTrue(s.out().contains("'Jnp'"), s.out());
    }
  }

  private static String pyStr(Path p) {
    return "'" + p.toString().replace("\\", "\\\\").replace("'", "\\'") + "'";
  }
}
