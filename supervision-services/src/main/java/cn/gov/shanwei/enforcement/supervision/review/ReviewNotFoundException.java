package cn.gov.shanwei.enforcement.supervision.review;

import cn.gov.shanwei.enforcement.supervision.common.NotInJurisdictionException;

/** No review with that id in the supervisor's jurisdiction; the API answers 404. */
public class ReviewNotFoundException extends NotInJurisdictionException {

    private static final long serialVersionUID = 1L;

    /** @param id the id asked for */
    public ReviewNotFoundException(String id) {
        super("no review " + id + " in your jurisdiction");
    }
}
