package org.switchboard.engine.cli;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * Catches SIGTERM and SIGINT so that {@code run} stops like a normal end of the command (exit 0) instead of the
 * JVM's default (exit 143 or 130, which service managers count as a failure). The JDK's only way is
 * {@code sun.misc.Signal} (module {@code jdk.unsupported}, in every JDK and in the installer's runtime); it is reached
 * by reflection so that no code names an internal package. Where it is missing, or signals cannot be caught
 * ({@code -Xrs}, another platform), {@link #catchStop} returns false and the shutdown hook stops cleanly instead.
 */
final class Signals {

    private static final String[] NAMES = {"TERM", "INT"};

    private final Object[] previous = new Object[NAMES.length];
    private Method handle;
    private Constructor<?> signal;

    /** Runs {@code stop} on SIGTERM and SIGINT until {@link #restore}; false when that is not possible here. */
    boolean catchStop(Runnable stop) {
        try {
            Class<?> signalClass = Class.forName("sun.misc.Signal");
            Class<?> handlerClass = Class.forName("sun.misc.SignalHandler");
            signal = signalClass.getConstructor(String.class);
            handle = signalClass.getMethod("handle", signalClass, handlerClass);
            Object handler = Proxy.newProxyInstance(Signals.class.getClassLoader(), new Class<?>[] {handlerClass},
                    (proxy, method, args) -> {
                        if ("handle".equals(method.getName())) {
                            stop.run();
                            return null;
                        }
                        return method.getName().equals("hashCode") ? System.identityHashCode(proxy)
                                : method.getName().equals("equals") ? proxy == args[0] : "stop handler";
                    });
            boolean all = true;
            for (int i = 0; i < NAMES.length; i++) {
                try {
                    previous[i] = handle.invoke(null, signal.newInstance(NAMES[i]), handler);
                } catch (ReflectiveOperationException | RuntimeException notThisSignal) {
                    all = false;
                }
            }
            return all;
        } catch (ReflectiveOperationException | RuntimeException | LinkageError notAvailable) {
            return false;
        }
    }

    /** Gives the signals back to whoever had them before. */
    void restore() {
        for (int i = 0; i < NAMES.length; i++) {
            if (previous[i] != null) {
                try {
                    handle.invoke(null, signal.newInstance(NAMES[i]), previous[i]);
                } catch (ReflectiveOperationException | RuntimeException ignored) {
                    // stays ours; the command is ending anyway
                }
            }
        }
    }
}
