package dev.flaxj.array;

/**
 * Element types, named as JAX names them. {@code KEY} is JAX's typed PRNG key dtype
 * ({@code key<fry>}): each element is a threefry key of two uint32 words.
 */
public enum DType {
  BOOL("bool", Storage.BOOLEAN, 1),
  INT32("int32", Storage.INT, 1),
  UINT32("uint32", Storage.INT, 1),
  FLOAT32("float32", Storage.FLOAT, 1),
  FLOAT64("float64", Storage.DOUBLE, 1),
  KEY("key<fry>", Storage.INT, 2);

  /** The Java array type that holds the elements of an {@link Array} of this dtype. */
  public enum Storage { BOOLEAN, INT, FLOAT, DOUBLE }

  private final String jaxName;
  private final Storage storage;
  private final int wordsPerElement;

  DType(String jaxName, Storage storage, int wordsPerElement) {
    this.jaxName = jaxName;
    this.storage = storage;
    this.wordsPerElement = wordsPerElement;
  }

  public String jaxName() {
    return jaxName;
  }

  public Storage storage() {
    return storage;
  }

  /** Storage slots per element: 2 for {@code KEY}, 1 otherwise. */
  public int wordsPerElement() {
    return wordsPerElement;
  }

  public boolean isFloating() {
    return this == FLOAT32 || this == FLOAT64;
  }

  public boolean isInteger() {
    return this == INT32 || this == UINT32;
  }

  public boolean isUnsigned() {
    return this == UINT32;
  }

  /** Bytes per element as JAX reports them ({@code itemsize}). */
  public int itemSize() {
    switch (this) {
      case BOOL: return 1;
      case FLOAT64: case KEY: return 8;
      default: return 4;
    }
  }

  /** Looks up a dtype by its JAX name ({@code "float32"}, {@code "int32"}, ...). */
  public static DType fromJaxName(String name) {
    for (DType d : values()) {
      if (d.jaxName.equals(name)) {
        return d;
      }
    }
    throw new IllegalArgumentException("unknown dtype: " + name);
  }

  @Override
  public String toString() {
    return jaxName;
  }
}
