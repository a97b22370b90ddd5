package dev.hake.embedded.junit;

import org.junit.jupiter.api.Assumptions;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * LocalStack in a container, through Testcontainers (an optional dependency: only this class
 * touches it, and only when the localstack backend is chosen). Where Docker is missing, tests are
 * skipped, not failed: most laptops and some CI agents have no Docker.
 */
final class LocalStackBackend implements RunningBackend {

    static final String NAME = "localstack";
    /** Pinned, so that a new LocalStack release cannot change test results unannounced. */
    static final DockerImageName IMAGE = DockerImageName.parse("localstack/localstack:4.0.3");
    static final String NO_DOCKER = "LocalStack backend needs Docker, which is not available here; test skipped";

    private final LocalStackContainer container;
    private final HakeTestBackend backend;

    private LocalStackBackend(LocalStackContainer container) {
        this.container = container;
        this.backend = new HakeTestBackend(NAME, container.getEndpoint(), container.getRegion(),
                HakeTestBackend.EMULATOR_ACCESS_KEY_ID, HakeTestBackend.EMULATOR_SECRET_ACCESS_KEY);
    }

    /**
     * @throws org.opentest4j.TestAbortedException if Docker is not available
     */
    static LocalStackBackend start() {
        if (!DockerClientFactory.instance().isDockerAvailable()) {
            Assumptions.abort(NO_DOCKER);
        }
        LocalStackContainer container = new LocalStackContainer(IMAGE)
                .withServices(LocalStackContainer.Service.SNS, LocalStackContainer.Service.SQS,
                        LocalStackContainer.Service.S3);
        try {
            container.start();
            return new LocalStackBackend(container);
        } catch (RuntimeException e) {
            container.stop();
            throw e;
        }
    }

    @Override
    public HakeTestBackend backend() {
        return backend;
    }

    @Override
    public void close() {
        container.stop();
    }
}
