package io.clientele.access.request;

public enum AccessRequestStatus {
    PENDING, APPROVED, REJECTED
}
