package dev.listening.stack.process;

/** Cleanup that must finish even when this thread was interrupted; the interrupt is kept for the caller. */
public final class Uninterruptibly {
    @FunctionalInterface
    public interface Action {
        void run() throws InterruptedException;
    }

    private Uninterruptibly() {
    }

    public static void run(Action action) {
        boolean interrupted = Thread.interrupted();
        try {
            while (true) {
                try {
                    action.run();
                    return;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
