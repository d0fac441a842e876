package dev.flaxj.transform.custom;

import dev.flaxj.transform.TreeFunction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * JAX's {@code argnums_partial}: a call whose arguments at some positions are fixed (static, or
 * not differentiated). {@link #fn()} takes only the other, dynamic arguments and calls the
 * original function with the fixed ones put back in place.
 */
public record ArgnumsPartial(TreeFunction fn, Object[] dynamicArgs, Object[] fixedArgs) {
  /** Splits {@code args}; {@code fixedArgnums} must be sorted, distinct and within range. */
  public static ArgnumsPartial of(TreeFunction fn, Object[] args, int[] fixedArgnums) {
    int n = args.length;
    boolean[] fixed = new boolean[n];
    List<Object> dyn = new ArrayList<>();
    List<Object> stat = new ArrayList<>();
    for (int i : fixedArgnums) {
      fixed[i] = true;
    }
    for (int i = 0; i < n; i++) {
      (fixed[i] ? stat : dyn).add(args[i]);
    }
    Object[] statics = stat.toArray();
    TreeFunction partial = dynArgs -> fn.apply(merge(fixed, statics, dynArgs));
    return new ArgnumsPartial(partial, dyn.toArray(), statics);
  }

  /** The full argument list: {@code fixed[i]} positions from {@code statics}, the rest from {@code dyn}. */
  public static Object[] merge(boolean[] fixed, Object[] statics, Object[] dyn) {
    Object[] all = new Object[fixed.length];
    int s = 0;
    int d = 0;
    for (int i = 0; i < fixed.length; i++) {
      all[i] = fixed[i] ? statics[s++] : dyn[d++];
    }
    return all;
  }

  /**
   * Argument numbers normalised against {@code nargs} arguments (negative ones count from the
   * end), sorted and without repeats; null if one is out of range.
   */
  public static int[] normalise(int[] argnums, int nargs) {
    int[] out = new int[argnums.length];
    for (int i = 0; i < argnums.length; i++) {
      int a = argnums[i];
      if (a < -nargs || a >= nargs) {
        return null;
      }
      out[i] = a < 0 ? a + nargs : a;
    }
    return Arrays.stream(out).distinct().sorted().toArray();
  }

  @Override
  public Object[] dynamicArgs() {
    return dynamicArgs.clone();
  }

  @Override
  public Object[] fixedArgs() {
    return fixedArgs.clone();
  }
}
