package dev.hake.embedded.internal.sqs;

import dev.hake.embedded.internal.FormParameters;
import dev.hake.embedded.internal.FrontRequest;
import dev.hake.embedded.internal.FrontResponse;

/**
 * The SQS Query protocol, as older clients speak it: forwarded to ElasticMQ unchanged, except
 * messages over SQS's size limit, which are refused here as SQS refuses them ({@link SqsSizeCheck}).
 */
public final class SqsQueryFront {

    private final SqsForwarder forwarder;

    public SqsQueryFront(SqsForwarder forwarder) {
        this.forwarder = forwarder;
    }

    /** Handles one request, whose parameters (query string and form body) the caller has read. */
    public FrontResponse handle(FrontRequest request, FormParameters parameters) {
        return SqsSizeCheck.query(parameters).map(SqsError::query).orElseGet(() -> forwarder.forward(request));
    }
}
