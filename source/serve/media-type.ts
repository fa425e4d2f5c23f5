// Accept-header negotiation for the few representations this server has:
// plain JSON, meta.k8s.io Table and PartialObjectMetadata(List). Like the real
// server (handlers/negotiation), it takes the first acceptable entry in order
// and skips what it cannot produce (protobuf, aggregated discovery, CBOR).

export type Representation =
	{kind: 'json'} | {kind: 'table'; groupVersion: string; contentType: string} | {kind: 'partial'; groupVersion: string; contentType: string};

export function negotiate(accept: string | undefined): Representation | undefined {
	if (!accept || accept.trim() === '') return {kind: 'json'};
	for (const part of accept.split(',')) {
		const [type = '', ...rawParams] = part.split(';').map(piece => piece.trim());
		const params = new Map(
			rawParams.map(param => {
				const [key = '', value = ''] = param.split('=');
				return [key.trim(), value.trim()] as const;
			}),
		);
		const asKind = params.get('as');
		if (type === '*/*' || type === 'application/*') return {kind: 'json'};
		if (type !== 'application/json') continue;
		if (!asKind) return {kind: 'json'};
		const group = params.get('g');
		const version = params.get('v');
		if (group !== 'meta.k8s.io' || (version !== 'v1' && version !== 'v1beta1')) continue;
		const groupVersion = `meta.k8s.io/${version}`;
		const contentType = `application/json;as=${asKind};v=${version};g=meta.k8s.io`;
		if (asKind === 'Table') return {kind: 'table', groupVersion, contentType};
		if (asKind === 'PartialObjectMetadata' || asKind === 'PartialObjectMetadataList') return {kind: 'partial', groupVersion, contentType};
	}
	return undefined;
}
