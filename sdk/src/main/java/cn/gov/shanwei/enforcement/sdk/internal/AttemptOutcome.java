package cn.gov.shanwei.enforcement.sdk.internal;

/** What one attempt produced: a successful answer or a failure. */
sealed interface AttemptOutcome permits HubResponse, ErrorMapper.Failure {
}
