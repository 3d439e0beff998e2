package io.ringkv.server.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ThreadShareTest {

    @Test
    void sharesTheCoresOutAmongTheNodes() {
        assertThat(ThreadShare.ioThreadsPerNode(0, 8, 3)).isEqualTo(2);
        assertThat(ThreadShare.ioThreadsPerNode(0, 16, 4)).isEqualTo(4);
    }

    @Test
    void givesEveryNodeAtLeastOneEventLoop() {
        assertThat(ThreadShare.ioThreadsPerNode(0, 2, 3)).isEqualTo(1);
        assertThat(ThreadShare.ioThreadsPerNode(0, 1, 50)).isEqualTo(1);
    }

    @Test
    void anExplicitCountWins() {
        assertThat(ThreadShare.ioThreadsPerNode(4, 2, 3)).isEqualTo(4);
    }

    @Test
    void refusesNonsense() {
        assertThatThrownBy(() -> ThreadShare.ioThreadsPerNode(-1, 2, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ThreadShare.ioThreadsPerNode(0, 2, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
