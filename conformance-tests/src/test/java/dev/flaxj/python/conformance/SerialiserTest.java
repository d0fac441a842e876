package dev.flaxj.python.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.flaxj.python.PythonSession;
import dev.flaxj.python.Sandbox;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.graalvm.polyglot.Value;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * conformance_runner.py's encode gives, for flaxj values, exactly what record_flax_goldens.encode
 * gives for the same values on real JAX. Expected encodings from record_flax_goldens.encode on
 * jax 0.10.2 / flax 0.12.8 (CPython, /tmp/jaxvenv).
 */
class SerialiserTest {
  static final Map<String, String[]> CASES = new LinkedHashMap<>();

  static {
    CASES.put("floats", new String[] {"jnp.array([0.1, 1.0, -2.5, 3e-8, 1/3], dtype=jnp.float32)",
        "{\"dtype\":\"float32\",\"shape\":[5],\"weak_type\":false,\"data\":[0.1,1.0,-2.5,3e-08,0.33333334],"
            + "\"bits\":[\"0x3dcccccd\",\"0x3f800000\",\"0xc0200000\",\"0x3300d959\",\"0x3eaaaaab\"]}"});
    CASES.put("ints", new String[] {"jnp.arange(6, dtype=jnp.int32).reshape(2, 3)",
        "{\"dtype\":\"int32\",\"shape\":[2,3],\"weak_type\":false,\"data\":[0,1,2,3,4,5]}"});
    CASES.put("bools", new String[] {"jnp.array([[True], [False]])",
        "{\"dtype\":\"bool\",\"shape\":[2,1],\"weak_type\":false,\"data\":[true,false]}"});
    CASES.put("weak", new String[] {"jnp.multiply(2.0, 3.0)",
        "{\"dtype\":\"float32\",\"shape\":[],\"weak_type\":true,\"data\":[6.0],\"bits\":[\"0x40c00000\"]}"});
    CASES.put("key", new String[] {"jax.random.key(0)",
        "{\"dtype\":\"key<fry>\",\"shape\":[],\"key_data\":{\"dtype\":\"uint32\",\"shape\":[2],\"weak_type\":false,"
            + "\"data\":[0,0]}}"});
    CASES.put("tree", new String[] {"{'b': [1, 2.5], 'a': (None, 'x', True)}",
        "{\"type\":\"dict\",\"items\":[[\"b\",{\"type\":\"list\",\"items\":[{\"type\":\"int\",\"value\":1},"
            + "{\"type\":\"float\",\"value\":2.5}]}],[\"a\",{\"type\":\"tuple\",\"items\":[null,{\"type\":\"str\","
            + "\"value\":\"x\"},{\"type\":\"bool\",\"value\":true}]}]]}"});
    CASES.put("large", new String[] {"jnp.arange(3000, dtype=jnp.float32) / 7",
        "{\"dtype\":\"float32\",\"shape\":[3000],\"weak_type\":false,"
            + "\"sha256\":\"b2d6464a5b9e35783862187772453f2f16ae21b22237e57dc5c4a1be2866ce53\","
            + "\"head\":[0.0,0.14285715,0.2857143,0.42857146,0.5714286,0.71428573,0.8571429,1.0],"
            + "\"min\":0.0,\"max\":428.4286,\"sum\":642642.8859068602}"});
    CASES.put("large_int", new String[] {"jnp.arange(2050, dtype=jnp.int32) * 3",
        "{\"dtype\":\"int32\",\"shape\":[2050],\"weak_type\":false,"
            + "\"sha256\":\"61e1d1719909b4ef5410a88aa3267fb9c48763c960923446331b57009a72430d\","
            + "\"head\":[0,3,6,9,12,15,18,21],\"min\":0,\"max\":6147,\"sum\":6300675}"});
  }

  private static PythonSession session;
  private static Value encodeJson;

  @BeforeAll
  static void open() {
    session = PythonSession.open(Sandbox.readOnly(Path.of("").toAbsolutePath()),
        InputStream.nullInputStream(), OutputStream.nullOutputStream(), OutputStream.nullOutputStream());
    Value globals = session.exec("serialiser_test", PageRunner.script()
        + "\nimport jax\nimport jax.numpy as jnp\n"
        + "def encode_json(source):\n"
        + "    return json.dumps(encode(eval(source)), separators=(',', ':'))\n");
    encodeJson = globals.getHashValue("encode_json");
  }

  @AfterAll
  static void close() {
    session.close();
  }

  static Iterable<String> cases() {
    return CASES.keySet();
  }

  @ParameterizedTest
  @MethodSource("cases")
  void encodesLikeTheRecorder(String name) {
    String[] c = CASES.get(name);
    String actual = encodeJson.execute(c[0]).asString();
    assertEquals(Json.parse(c[1]), Json.parse(actual), name + ": " + c[0]);
  }
}
