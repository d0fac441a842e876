package dev.flaxj.cli;

import java.util.Arrays;

/** Entry point of the {@code flaxj} command line. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    String command = args.length == 0 ? "" : args[0];
    switch (command) {
      case "dense-example":
        DenseExample.run(System.out);
        break;
      default:
        System.err.println("usage: flaxj dense-example");
        System.err.println("  dense-example   initialise and apply a Dense layer (Flax's RNG folding,"
            + " lecun_normal kernel, zero bias) and print its parameter tree");
        if (!command.isEmpty()) {
          System.err.println("unknown command: " + command + " " + Arrays.toString(args));
        }
        System.exit(2);
    }
  }
}
