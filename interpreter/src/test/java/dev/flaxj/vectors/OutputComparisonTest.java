package dev.flaxj.vectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import dev.flaxj.array.Array;
import dev.flaxj.array.DType;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutputComparisonTest {
  private static final String ONE_TWO = "{\"dtype\":\"float32\",\"shape\":[2],\"weak_type\":false,"
      + "\"data\":[1.0,2.0],\"bits\":[\"0x3f800000\",\"0x40000000\"]}";

  private static JsonElement json(String text) {
    return JsonParser.parseString(text);
  }

  @Test
  void equalFloatsPassWithZeroUlp() {
    Comparison c = OutputComparison.compare(Array.of(new float[] {1f, 2f}, 2), json(ONE_TWO));
    assertTrue(c.ok(), c.report());
    assertEquals(2, c.floatsCompared());
    assertEquals(0, c.maxUlp());
  }

  @Test
  void oneUlpPassesAndIsReported() {
    Comparison c = OutputComparison.compare(Array.of(new float[] {Math.nextUp(1f), 2f}, 2), json(ONE_TWO));
    assertTrue(c.ok(), c.report());
    assertEquals(1, c.maxUlp());
  }

  @Test
  void aRelativeErrorAboveOneMillionthFails() {
    Comparison c = OutputComparison.compare(Array.of(new float[] {1f, 2.00001f}, 2), json(ONE_TWO));
    assertFalse(c.ok());
    assertTrue(c.report().contains("[1]"), c.report());
  }

  @Test
  void dtypeShapeAndWeakTypeMustMatchExactly() {
    assertFalse(OutputComparison.compare(Array.of(new int[] {1, 2}, 2), json(ONE_TWO)).ok());
    assertFalse(OutputComparison.compare(Array.of(new float[] {1f, 2f}, 1, 2), json(ONE_TWO)).ok());
    Comparison weak = OutputComparison.compare(Array.of(new float[] {1f, 2f}, 2).withWeakType(true), json(ONE_TWO));
    assertFalse(weak.ok());
    assertTrue(weak.report().contains("weak_type"), weak.report());
  }

  @Test
  void integersAndKeysCompareExactly() {
    String u = "{\"dtype\":\"uint32\",\"shape\":[2],\"weak_type\":false,\"data\":[4294967295,7]}";
    assertTrue(OutputComparison.compare(Array.ofUint32(new int[] {-1, 7}, 2), json(u)).ok());
    assertFalse(OutputComparison.compare(Array.ofUint32(new int[] {-1, 8}, 2), json(u)).ok());
    String key = "{\"dtype\":\"key<fry>\",\"shape\":[],\"key_data\":{\"dtype\":\"uint32\",\"shape\":[2],"
        + "\"weak_type\":false,\"data\":[0,42]}}";
    assertTrue(OutputComparison.compare(Array.ofWords(DType.KEY, new int[] {0, 42}), json(key)).ok());
    assertFalse(OutputComparison.compare(Array.ofWords(DType.KEY, new int[] {0, 43}), json(key)).ok());
    assertFalse(OutputComparison.compare(Array.ofUint32(new int[] {0, 42}, 2), json(key)).ok());
  }

  @Test
  void listsCompareItemByItem() {
    String pair = "[" + ONE_TWO + "," + ONE_TWO + "]";
    Array a = Array.of(new float[] {1f, 2f}, 2);
    assertTrue(OutputComparison.compare(List.of(a, a), json(pair)).ok());
    assertTrue(OutputComparison.compare(new Object[] {a, a}, json(pair)).ok());
    assertFalse(OutputComparison.compare(List.of(a), json(pair)).ok());
    assertFalse(OutputComparison.compare(a, json(pair)).ok());
    assertFalse(OutputComparison.compare(List.of(a, a), json(ONE_TWO)).ok());
  }

  @Test
  void nanMatchesOnlyNan() {
    String nan = "{\"dtype\":\"float32\",\"shape\":[],\"weak_type\":false,\"data\":[\"nan\"],\"bits\":[\"0xffc00000\"]}";
    assertTrue(OutputComparison.compare(Array.scalar(Float.NaN), json(nan)).ok());
    assertFalse(OutputComparison.compare(Array.scalar(0f), json(nan)).ok());
  }
}
