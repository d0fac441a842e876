package dev.flaxj.transform.partial;

import dev.flaxj.transform.DiffArgs;
import dev.flaxj.transform.JaxTypeError;
import dev.flaxj.transform.TreeFunction;
import dev.flaxj.tree.Tuple;

/**
 * The {@code argnums} of {@code grad}-like transformations (JAX's {@code argnums_partial}): the
 * differentiated arguments, in {@code argnums} order, as one pytree (the argument itself for a
 * single int, else a tuple), and the function of that pytree with the other arguments fixed
 * ({@link DiffArgs}, once the positions are checked with grad's messages).
 */
record Argnums(int[] nums, boolean single) {
  static Argnums of(int argnum) {
    return new Argnums(new int[] {argnum}, true);
  }

  static Argnums of(int[] argnums) {
    if (argnums.length == 0) {
      throw new IllegalArgumentException("argnums must be a non-empty tuple of integers, got ()");
    }
    return new Argnums(argnums.clone(), false);
  }

  @Override
  public int[] nums() {
    return nums.clone();
  }

  /** Python's {@code argnums=...} for messages: {@code 2} or {@code (0, 3)}. */
  String describe() {
    return single ? Integer.toString(nums[0]) : Tuple.of((Object[]) boxed()).toString();
  }

  private Integer[] boxed() {
    Integer[] out = new Integer[nums.length];
    for (int i = 0; i < nums.length; i++) {
      out[i] = nums[i];
    }
    return out;
  }

  /** The argument positions for {@code count} arguments, with JAX's error when out of range. */
  private int[] positions(int count) {
    int max = Integer.MIN_VALUE;
    int[] out = new int[nums.length];
    for (int i = 0; i < nums.length; i++) {
      max = Math.max(max, nums[i]);
      out[i] = nums[i] < 0 ? nums[i] + count : nums[i];
    }
    if (max >= count) {
      throw new JaxTypeError("differentiating with respect to argnums=" + describe()
          + " requires at least " + (max + 1) + " positional arguments to be passed by the "
          + "caller, but got only " + count + " positional arguments.");
    }
    for (int p : out) {
      if (p < 0) {
        throw new IllegalArgumentException("argnums=" + describe() + " is out of range for "
            + count + " positional arguments");
      }
    }
    return out;
  }

  /** The differentiated arguments of {@code args}, as one pytree. */
  Object dynamic(Object[] args) {
    return new DiffArgs(positions(args.length), single).dynamic(args);
  }

  /** {@code f} as a function of one argument, the differentiated pytree, the others fixed. */
  TreeFunction partial(TreeFunction f, Object[] args) {
    return new DiffArgs(positions(args.length), single).partial(f, args);
  }
}
