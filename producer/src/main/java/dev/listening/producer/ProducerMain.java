package dev.listening.producer;

import dev.listening.contract.Cli;

/** Main of the standalone producer jar: {@code java -jar producer-…-all.jar --help}. */
public final class ProducerMain {
    private ProducerMain() {
    }

    public static void main(String[] args) {
        System.exit(Cli.execute(new ProduceCommand(), args));
    }
}
