package io.ringkv.server.membership;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

/**
 * Raises this package's log level to WARN for a test class: simulations of hundreds of nodes would
 * otherwise print every node's view of every other node coming up.
 */
final class QuietMembershipLogs implements BeforeAllCallback, AfterAllCallback {

    private static final String PACKAGE = "io.ringkv.server.membership";

    private Level previous;

    @Override
    public void beforeAll(ExtensionContext context) {
        if (LoggerFactory.getLogger(PACKAGE) instanceof Logger logger) {
            previous = logger.getLevel();
            logger.setLevel(Level.WARN);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (LoggerFactory.getLogger(PACKAGE) instanceof Logger logger) {
            logger.setLevel(previous);
        }
    }
}
