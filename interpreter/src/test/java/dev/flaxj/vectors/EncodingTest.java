package dev.flaxj.vectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import dev.flaxj.array.Array;
import dev.flaxj.array.DType;
import org.junit.jupiter.api.Test;

class EncodingTest {
  private static JsonElement json(String text) {
    return JsonParser.parseString(text);
  }

  @Test
  void float32IsDecodedFromItsBitPatternsNotFromTheDecimals() {
    Array a = Encoding.array(json("{\"dtype\":\"float32\",\"shape\":[2,2],\"weak_type\":false,"
        + "\"data\":[0.1,\"nan\",-0.0,\"-inf\"],"
        + "\"bits\":[\"0x3dcccccd\",\"0x7fc00001\",\"0x80000000\",\"0xff800000\"]}"));
    assertEquals(DType.FLOAT32, a.dtype());
    assertArrayEquals(new int[] {2, 2}, a.shape().dims());
    assertEquals(0x3dcccccd, Float.floatToRawIntBits(a.rawFloats()[0]));
    assertEquals(0x7fc00001, Float.floatToRawIntBits(a.rawFloats()[1]));
    assertEquals(0x80000000, Float.floatToRawIntBits(a.rawFloats()[2]));
    assertEquals(Float.NEGATIVE_INFINITY, a.rawFloats()[3]);
  }

  @Test
  void integersBoolsAndWeakTypes() {
    Array u = Encoding.array(json("{\"dtype\":\"uint32\",\"shape\":[3],\"weak_type\":false,"
        + "\"data\":[0,2147483648,4294967295]}"));
    assertEquals(DType.UINT32, u.dtype());
    assertArrayEquals(new int[] {0, Integer.MIN_VALUE, -1}, u.rawInts());
    Array i = Encoding.array(json("{\"dtype\":\"int32\",\"shape\":[],\"weak_type\":true,\"data\":[-7]}"));
    assertTrue(i.weakType());
    assertEquals(0, i.rank());
    assertEquals(-7, i.rawInts()[0]);
    Array b = Encoding.array(json("{\"dtype\":\"bool\",\"shape\":[0,2],\"weak_type\":false,\"data\":[]}"));
    assertEquals(DType.BOOL, b.dtype());
    assertEquals(0, b.size());
  }

  @Test
  void typedKeysBecomeKeyArraysOfTheirWords() {
    Array k = Encoding.array(json("{\"dtype\":\"key<fry>\",\"shape\":[2],\"key_data\":{\"dtype\":\"uint32\","
        + "\"shape\":[2,2],\"weak_type\":false,\"data\":[0,42,4294967295,1]}}"));
    assertEquals(DType.KEY, k.dtype());
    assertArrayEquals(new int[] {2}, k.shape().dims());
    assertArrayEquals(new int[] {0, 42, -1, 1}, k.rawInts());
  }

  @Test
  void pythonScalarsAreWeakExceptBool() {
    Array f = Encoding.operand(json("{\"py\":\"float\",\"value\":2.5}"));
    assertEquals(DType.FLOAT32, f.dtype());
    assertTrue(f.weakType());
    assertEquals(2.5f, f.rawFloats()[0]);
    Array n = Encoding.operand(json("{\"py\":\"int\",\"value\":-3}"));
    assertEquals(DType.INT32, n.dtype());
    assertTrue(n.weakType());
    Array t = Encoding.operand(json("{\"py\":\"bool\",\"value\":true}"));
    assertEquals(DType.BOOL, t.dtype());
    assertFalse(t.weakType());
  }

  @Test
  void malformedEncodingsAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> Encoding.bitPattern("3f800000"));
    assertThrows(IllegalArgumentException.class, () -> Encoding.array(json("{\"shape\":[1]}")));
    assertThrows(IllegalArgumentException.class,
        () -> Encoding.array(json("{\"dtype\":\"int8\",\"shape\":[1],\"data\":[1]}")));
  }
}
