package dev.hake.testing;

import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.sns.model.InvalidParameterException;
import software.amazon.awssdk.services.sns.model.NotFoundException;
import software.amazon.awssdk.services.sns.model.ResourceNotFoundException;
import software.amazon.awssdk.services.sns.model.SnsException;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;
import software.amazon.awssdk.services.sqs.model.QueueNameExistsException;
import software.amazon.awssdk.services.sqs.model.SqsException;

/**
 * The errors of the in-memory backend, shaped as the SDK reports AWS's: the exception type the SDK
 * unmarshals, with the error code, message and status AWS sends, so that the core's one mapping of
 * failures ({@code AwsErrors}) reads them as it reads AWS's.
 */
final class AwsFailures {

    /** An entry of a batch request that was refused, with AWS's code for why. */
    record Refusal(String code, String message) {
    }

    private AwsFailures() {
    }

    static QueueDoesNotExistException noSuchQueue(String queue) {
        return shaped(QueueDoesNotExistException.builder(), "Sqs", 400, "AWS.SimpleQueueService.NonExistentQueue",
                "The specified queue does not exist: " + queue);
    }

    static QueueNameExistsException queueNameExists(String queue) {
        return shaped(QueueNameExistsException.builder(), "Sqs", 400, "QueueAlreadyExists",
                "A queue already exists with the same name and a different value for attribute(s): " + queue);
    }

    /** Any other SQS refusal, e.g. InvalidParameterValue, TooManyEntriesInBatchRequest. */
    static SqsException sqs(String code, String message) {
        return shaped(SqsException.builder(), "Sqs", 400, code, message);
    }

    static SqsException sqs(Refusal refusal) {
        return sqs(refusal.code(), refusal.message());
    }

    static NotFoundException snsNotFound(String what) {
        return shaped(NotFoundException.builder(), "Sns", 404, "NotFound", what + " does not exist");
    }

    static ResourceNotFoundException snsResourceNotFound(String arn) {
        return shaped(ResourceNotFoundException.builder(), "Sns", 404, "ResourceNotFound",
                "Resource does not exist: " + arn);
    }

    /** SNS's InvalidParameter; {@code parameter} is named first, as SNS names it ("Invalid parameter: FilterPolicy ..."). */
    static InvalidParameterException snsInvalid(String parameter, String reason) {
        return shaped(InvalidParameterException.builder(), "Sns", 400, "InvalidParameter",
                "Invalid parameter: " + parameter + " Reason: " + reason);
    }

    /** Any other SNS refusal, e.g. TooManyEntriesInBatchRequest. */
    static SnsException sns(String code, String message) {
        return shaped(SnsException.builder(), "Sns", 400, code, message);
    }

    /** The exception {@code builder} makes, with the code, message and HTTP status as AWS sends them. */
    @SuppressWarnings("unchecked")
    private static <T extends AwsServiceException> T shaped(AwsServiceException.Builder builder, String service,
                                                            int status, String code, String message) {
        return (T) builder.message(message).statusCode(status).awsErrorDetails(AwsErrorDetails.builder()
                .errorCode(code).errorMessage(message).serviceName(service)
                .sdkHttpResponse(SdkHttpResponse.builder().statusCode(status).build()).build()).build();
    }
}
