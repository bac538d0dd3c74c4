/** URLs of the plugin's routes (mounted at /plugins/qa). */
export const paths = {
  vote: (threadId: number, postId: number) => `/plugins/qa/t/${threadId}/p/${postId}/vote`,
  accept: (threadId: number, postId: number) => `/plugins/qa/t/${threadId}/p/${postId}/accept`,
  unaccept: (threadId: number) => `/plugins/qa/t/${threadId}/unaccept`,
  comments: (threadId: number, postId: number) => `/plugins/qa/t/${threadId}/p/${postId}/comments`,
  deleteComment: (threadId: number, commentId: number) => `/plugins/qa/t/${threadId}/comments/${commentId}/delete`,
  questions: (categoryId: number, query: { show?: string; sort?: string; before?: string } = {}) => {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) if (value) params.set(key, value);
    const search = params.toString();
    return `/plugins/qa/c/${categoryId}/questions${search ? `?${search}` : ''}`;
  },
  /** The post's anchor on its thread page. */
  postAnchor: (threadId: number, postNumber: number) => `/t/${threadId}#post-${postNumber}`,
};
