// The one message the widget sends its host page: { type: heightMessage, height }.
export const heightMessage = 'declare:height';
