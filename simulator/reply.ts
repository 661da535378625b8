/** One HTTP answer of the simulator; an empty `contentType` sends no Content-Type header. */
export interface Reply {
	status: number;
	contentType: string;
	body: string;
	headers?: Record<string, string>;
}
