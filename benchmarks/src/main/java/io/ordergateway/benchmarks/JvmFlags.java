package io.ordergateway.benchmarks;

/**
 * The JVM flags every benchmark fork needs (Chronicle Queue, Agrona; Chronicle's phone-home off).
 * Keep in step with {@code <gateway.jvm.flags>} in the parent pom.
 */
final class JvmFlags
{
    static final String ADD_EXPORTS_MISC = "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED";
    static final String ADD_EXPORTS_NIO = "--add-exports=java.base/sun.nio.ch=ALL-UNNAMED";
    static final String ADD_OPENS_REFLECT = "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED";
    static final String ADD_EXPORTS_REF = "--add-exports=java.base/jdk.internal.ref=ALL-UNNAMED";
    static final String ADD_OPENS_LANG = "--add-opens=java.base/java.lang=ALL-UNNAMED";
    static final String ADD_EXPORTS_JAVAC = "--add-exports=jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED";
    static final String NO_ANALYTICS = "-Dchronicle.analytics.disable=true";
    static final String NO_ANNOUNCER = "-Dchronicle.announcer.disable=true";
    static final String NO_DISK_MONITOR = "-Dchronicle.disk.monitor.disable=true";

    private JvmFlags()
    {
    }
}
