package dev.flaxj.backend.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link XlaMath#pow} (glibc's powf under flush-to-zero) against lax.pow recorded from jax 0.10.2
 * on CPU: every pair of 30 special values one by one, and 262,144 random pairs by SHA-256 (the
 * recipe is in the resource's header).
 */
class XlaMathPowSweepTest {
  private static final int PAIRS = 1 << 17;
  private static final String TABLE = "xla-pow-sweep-jax-0.10.2.txt";

  private final List<Float> special = new ArrayList<>();
  private final List<int[]> specialRows = new ArrayList<>();
  private String digest;

  @Test
  void allPairsOfSpecialValuesMatchJax() throws IOException {
    load();
    assertEquals(special.size(), specialRows.size());
    for (int i = 0; i < special.size(); i++) {
      for (int j = 0; j < special.size(); j++) {
        float x = special.get(i);
        float y = special.get(j);
        assertEquals(Integer.toHexString(specialRows.get(i)[j]),
            Integer.toHexString(Float.floatToIntBits(XlaMath.pow(x, y))),
            "pow(" + x + ", " + y + ")");
      }
    }
  }

  @Test
  void randomPairsMatchJaxBitForBit() throws IOException, NoSuchAlgorithmException {
    load();
    int s = 88172645;
    ByteBuffer out = ByteBuffer.allocate(8 * PAIRS);
    for (int k = 0; k < 2 * PAIRS; k++) {
      int s1 = s = next(s);
      int s2 = s = next(s);
      float x;
      float y;
      if (k < PAIRS) {
        x = 10f * uniform(s1);
        y = -10f + 20f * uniform(s2);
      } else {
        x = Float.intBitsToFloat(s1);
        y = Float.intBitsToFloat(s2);
      }
      out.putInt(Float.floatToIntBits(XlaMath.pow(x, y)));
    }
    assertEquals(digest, HexFormat.of().formatHex(
        MessageDigest.getInstance("SHA-256").digest(out.array())));
  }

  private static int next(int s) {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return s;
  }

  private static float uniform(int s) {
    return Float.intBitsToFloat((s >>> 9) | 0x3f800000) - 1f;
  }

  private void load() throws IOException {
    try (BufferedReader in = new BufferedReader(new InputStreamReader(
        XlaMathPowSweepTest.class.getResourceAsStream(TABLE), StandardCharsets.US_ASCII))) {
      String line;
      while ((line = in.readLine()) != null) {
        String[] f = line.trim().split("\\s+");
        if (line.startsWith("# SPECIAL = ")) {
          for (int i = 3; i < f.length; i++) {
            // Python reprs of the doubles numpy rounded to float32, as this cast does.
            special.add((float) Double.parseDouble(f[i].replace("inf", "Infinity")
                .replace("nan", "NaN")));
          }
        } else if (f[0].equals("digest")) {
          digest = f[1];
        } else if (f[0].equals("special")) {
          int[] row = new int[f.length - 1];
          for (int j = 0; j < row.length; j++) {
            row[j] = Integer.parseUnsignedInt(f[1 + j], 16);
          }
          specialRows.add(row);
        }
      }
    }
  }
}
