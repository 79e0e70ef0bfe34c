package org.cticache.audit;

/** Told about every API call once its answer is known, on the request's thread, so it must be quick. */
public interface ApiCallListener {

    void completed(ApiCall call);
}
