package org.ftpd.protocol.support;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import io.netty.util.ResourceLeakDetectorFactory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test class after which Netty reported a leaked buffer (or other reference-counted resource). Registered
 * for every test of the bundle (JUnit's extension autodetection); with {@code io.netty.leakDetection.level}
 * at PARANOID (the surefire configuration) every buffer is tracked. Netty reports a leak when a later resource
 * is tracked after the garbage collector has found the lost one, so each check collects garbage and tracks a few
 * buffers before it looks.
 */
public final class NettyLeaks implements AfterAllCallback {

    private static final List<String> REPORTED = new ArrayList<>();

    static {
        // before the first buffer class makes its detector
        ResourceLeakDetectorFactory.setResourceLeakDetectorFactory(new RecordingFactory());
    }

    @Override
    public void afterAll(ExtensionContext context) throws InterruptedException {
        for (int round = 0; round < 3; round++) {
            System.gc();
            Thread.sleep(20);
            trackSomeBuffers();
        }
        List<String> leaks;
        synchronized (REPORTED) {
            leaks = List.copyOf(REPORTED);
            REPORTED.clear();
        }
        if (!leaks.isEmpty()) {
            throw new AssertionError(leaks.size() + " Netty resource(s) leaked during "
                    + context.getDisplayName() + ":\n" + String.join("\n", leaks));
        }
    }

    private static void trackSomeBuffers() {
        for (int i = 0; i < 8; i++) {
            ByteBuf pooled = PooledByteBufAllocator.DEFAULT.directBuffer(16);
            ByteBuf unpooled = UnpooledByteBufAllocator.DEFAULT.heapBuffer(16);
            pooled.release();
            unpooled.release();
        }
    }

    private static final class RecordingFactory extends ResourceLeakDetectorFactory {
        @Override
        public <T> ResourceLeakDetector<T> newResourceLeakDetector(Class<T> resource, int samplingInterval,
                long maxActive) {
            return new RecordingDetector<>(resource, samplingInterval);
        }
    }

    private static final class RecordingDetector<T> extends ResourceLeakDetector<T> {
        RecordingDetector(Class<T> resource, int samplingInterval) {
            super(resource, samplingInterval);
        }

        @Override
        protected void reportTracedLeak(String resourceType, String records) {
            record("LEAK " + resourceType + records);
            super.reportTracedLeak(resourceType, records);
        }

        @Override
        protected void reportUntracedLeak(String resourceType) {
            record("LEAK " + resourceType + " (untraced)");
            super.reportUntracedLeak(resourceType);
        }

        private static void record(String leak) {
            synchronized (REPORTED) {
                REPORTED.add(leak);
            }
        }
    }
}
