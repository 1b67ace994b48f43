// Every address of an election or a ward, in one place: the public pages, the JSON, the
// widget and the officer's pages. Pure, so anything may use them: routes, views, feeds,
// posts and the phone's script.
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

// The write API's addresses for one ward (README "The write API").
export const contestApiPath = (contestId: string) => `/api/v1/contests/${part(contestId)}`;
export const declarationApiPath = (contestId: string) => `${contestApiPath(contestId)}/declaration`;
export const confirmApiPath = (contestId: string) => `${declarationApiPath(contestId)}/confirm`;

// The count officer's pages: an election's wards, and one ward's form and its posts.
export const officerElectionPath = (electionId: string) => `/officer/elections/${part(electionId)}`;
export const officerUpdatesPath = (electionId: string) => `${officerElectionPath(electionId)}/updates`;
export const officerUpdatePath = (electionId: string, updateId: string) => `${officerUpdatesPath(electionId)}/${part(updateId)}`;
export const officerContestPath = (contestId: string) => `/officer/contests/${part(contestId)}`;
export const officerPostsPath = (contestId: string) => `${officerContestPath(contestId)}/posts`;
