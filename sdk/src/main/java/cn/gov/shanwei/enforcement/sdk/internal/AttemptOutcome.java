package cn.gov.shanwei.enforcement.sdk.internal;

/** What one attempt produced: a successful answer (whole or streamed) or a failure. */
sealed interface AttemptOutcome permits HubResponse, HubStream, ErrorMapper.Failure {
}
