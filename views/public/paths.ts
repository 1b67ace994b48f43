// The public pages' addresses, in one place.
const part = encodeURIComponent;

export const electionPath = (electionId: string) => `/elections/${part(electionId)}`;
export const electionLivePath = (electionId: string) => `${electionPath(electionId)}/live`;
export const contestPath = (electionId: string, contestId: string) => `${electionPath(electionId)}/contests/${part(contestId)}`;
export const contestLivePath = (electionId: string, contestId: string) => `${contestPath(electionId, contestId)}/live`;
export const electionJsonPath = (electionId: string) => `/api/v1/elections/${part(electionId)}`;
export const contestJsonPath = (electionId: string, contestId: string) => `${electionJsonPath(electionId)}/contests/${part(contestId)}`;

// The widget newsrooms put in their live blogs (an iframe): the only pages that may be framed.
export const embedPath = (electionId: string) => `/embed/elections/${part(electionId)}`;
export const embedLivePath = (electionId: string) => `${embedPath(electionId)}/live`;
export const contestEmbedPath = (electionId: string, contestId: string) => `${embedPath(electionId)}/contests/${part(contestId)}`;
export const contestEmbedLivePath = (electionId: string, contestId: string) => `${contestEmbedPath(electionId, contestId)}/live`;

/** The anchor of an update from the count on the page that shows it (posts link to it). */
export const updateAnchor = (updateId: string) => `update-${updateId}`;
