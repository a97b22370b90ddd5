package dev.hake.embedded.internal;

import dev.hake.embedded.internal.sqs.SqsMessageSize;
import org.elasticmq.Limit;
import org.elasticmq.LimitedValue;
import org.elasticmq.Limits;
import org.elasticmq.RangeLimit;
import org.elasticmq.StrictSQSLimits$;
import scala.collection.immutable.List;

/**
 * ElasticMQ's strict SQS limits, but with today's message size: ElasticMQ 1.6 still holds SQS to
 * 256 KiB, where SQS takes 1 MiB since 2025-08-04. ElasticMQ counts characters of the body (and,
 * for a batch, of all bodies together), never more than SQS's bytes of body and attributes, so it
 * cannot refuse what the front let through; the front applies SQS's own rule ({@code SqsSizeCheck}).
 */
final class ElasticMqLimits implements Limits {

    static final ElasticMqLimits INSTANCE = new ElasticMqLimits();

    private static final Limits STRICT = StrictSQSLimits$.MODULE$;
    private static final Limit<Object> MAX_MESSAGE_LENGTH = new LimitedValue<>(SqsMessageSize.MAX_BYTES);

    private ElasticMqLimits() {
    }

    @Override
    public Limit<Object> maxMessageLength() {
        return MAX_MESSAGE_LENGTH;
    }

    @Override
    public Limit<Object> queueNameLengthLimit() {
        return STRICT.queueNameLengthLimit();
    }

    @Override
    public Limit<Object> batchSizeLimit() {
        return STRICT.batchSizeLimit();
    }

    @Override
    public Limit<RangeLimit<Object>> numberOfMessagesLimit() {
        return STRICT.numberOfMessagesLimit();
    }

    @Override
    public Limit<Object> nonEmptyAttributesLimit() {
        return STRICT.nonEmptyAttributesLimit();
    }

    @Override
    public Limit<List<RangeLimit<Object>>> bodyValidCharactersLimit() {
        return STRICT.bodyValidCharactersLimit();
    }

    @Override
    public Limit<RangeLimit<scala.math.BigDecimal>> numberAttributeValueLimit() {
        return STRICT.numberAttributeValueLimit();
    }

    @Override
    public Limit<RangeLimit<Object>> messageWaitTimeLimit() {
        return STRICT.messageWaitTimeLimit();
    }

    @Override
    public Limit<Object> messageAttributesLimit() {
        return STRICT.messageAttributesLimit();
    }
}
